using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clearance.Audit;

/// <summary>
/// The chain's hash rule, written so an auditor can recompute it with any tool:
/// <c>hash = lower-hex SHA-256( UTF-8( previousHash + canonicalJson ) )</c>, the first event's previousHash being 64 zeros.
/// The canonical JSON is RFC 8785 (JCS) of the object with the members action, actor, entityId, entityType, id,
/// listVersionHash, occurredAt (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), payload (the stored JSON text, as a string) and
/// vintageId: members sorted, no whitespace, strings escaping only <c>"</c>, <c>\</c> and control characters.
/// </summary>
public static class AuditChain
{
    public static string GenesisHash { get; } = new('0', 64);

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    // RFC 8785 3.2.2.2: the characters a string escapes.
    static readonly SearchValues<char> Escaped = SearchValues.Create([.. "\"\\", .. Enumerable.Range(0, ' ').Select(i => (char)i)]);

    public static string Hash(string previousHash, string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + canonicalJson)));

    public static string CanonicalJson(AuditEvent e) => Write(e, withHashes: false);

    /// <summary>The canonical JSON plus <c>hash</c> and <c>previousHash</c>: one line of an export.</summary>
    public static string ExportLine(AuditEvent e) => Write(e, withHashes: true);

    /// <summary>A JSON document in the canonical form of this chain (RFC 8785 members sorted, no whitespace, strings as
    /// above; numbers as written), so two texts that differ only in layout, member order or string escapes compare
    /// equal.</summary>
    public static string CanonicalJson(JsonElement element)
    {
        var json = new StringBuilder();
        WriteElement(json, element);
        return json.ToString();
    }

    /// <summary>Lower-hex SHA-256 of <see cref="CanonicalJson(JsonElement)"/>.</summary>
    public static string CanonicalHash(JsonElement element) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(element))));

    static void WriteElement(StringBuilder json, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                json.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        json.Append(',');
                    }

                    first = false;
                    WriteString(json, member.Name);
                    json.Append(':');
                    WriteElement(json, member.Value);
                }

                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        json.Append(',');
                    }

                    WriteElement(json, item);
                }

                json.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(json, element.GetString()!);
                break;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                json.Append(element.GetRawText());
                break;
        }
    }

    /// <summary>Both providers keep microseconds; .NET ticks are finer, so time is cut to what survives a round trip.</summary>
    public static DateTime Truncate(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    static string Write(AuditEvent e, bool withHashes)
    {
        var members = new List<(string Name, object? Value)>
        {
            ("action", e.Action),
            ("actor", e.Actor),
            ("entityId", e.EntityId),
            ("entityType", e.EntityType),
            ("id", e.Id),
            ("listVersionHash", e.ListVersionHash),
            ("occurredAt", e.OccurredAt.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
            ("payload", e.Payload),
            ("vintageId", e.VintageId),
        };
        if (withHashes)
        {
            members.Add(("hash", e.Hash));
            members.Add(("previousHash", e.PreviousHash));
        }

        // RFC 8785 3.2.3: members sorted by their names' UTF-16 code units.
        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var json = new StringBuilder(256 + e.Payload.Length);
        json.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            WriteString(json, members[i].Name);
            json.Append(':');
            switch (members[i].Value)
            {
                case null:
                    json.Append("null");
                    break;
                case long number:
                    json.Append(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case string text:
                    WriteString(json, text);
                    break;
                default:
                    throw new InvalidOperationException($"No canonical form for {members[i].Value!.GetType()}.");
            }
        }

        return json.Append('}').ToString();
    }

    // RFC 8785 3.2.2.2: escape '"', '\' and U+0000..U+001F (short forms where JSON has them); everything else is literal.
    static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        var rest = value.AsSpan();
        while (true)
        {
            // Runs without anything to escape (most of a payload) are copied whole.
            var next = rest.IndexOfAny(Escaped);
            if (next < 0)
            {
                json.Append(rest);
                break;
            }

            json.Append(rest[..next]);
            WriteEscaped(json, rest[next]);
            rest = rest[(next + 1)..];
        }

        json.Append('"');
    }

    /// <summary>One character of <see cref="Escaped"/>, escaped.</summary>
    static void WriteEscaped(StringBuilder json, char c)
    {
        switch (c)
        {
            case '"':
                json.Append("\\\"");
                break;
            case '\\':
                json.Append("\\\\");
                break;
            case '\b':
                json.Append("\\b");
                break;
            case '\f':
                json.Append("\\f");
                break;
            case '\n':
                json.Append("\\n");
                break;
            case '\r':
                json.Append("\\r");
                break;
            case '\t':
                json.Append("\\t");
                break;
            default:
                // The other control characters (Escaped holds nothing else).
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
        }
    }
}
