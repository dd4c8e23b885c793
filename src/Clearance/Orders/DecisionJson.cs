using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clearance.Lists;
using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>Writes decisions as DESIGN.md's <c>evaluate</c> JSON: the contract's fields in its order, then the
/// extensions (<c>unconfirmed</c> on findings, <c>diffusion</c> on the order, and, when the parties were screened,
/// <c>lists</c> with each snapshot's date and <c>listWarnings</c> for snapshots older than the order).</summary>
public static class DecisionJson
{
    static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IEnumerable<Decision> decisions, Stream stream, Func<Decision, ListFreshness?>? freshness = null)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartArray();
        foreach (var decision in decisions)
        {
            Write(decision, json, freshness?.Invoke(decision));
        }

        json.WriteEndArray();
    }

    public static string Serialize(IEnumerable<Decision> decisions, Func<Decision, ListFreshness?>? freshness = null)
    {
        using var stream = new MemoryStream();
        Write(decisions, stream, freshness);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>One decision as <c>evaluate</c> prints it in its array.</summary>
    public static string Serialize(Decision decision, ListFreshness? freshness = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(decision, json, freshness);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static void Write(Decision decision, Utf8JsonWriter json, ListFreshness? freshness = null)
    {
        json.WriteStartObject();
        json.WriteString("orderId", decision.OrderId);
        json.WriteString("asOf", decision.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("vintage", decision.Vintage);
        json.WriteString("verdict", WireNames.Name(decision.Verdict));
        json.WriteStartArray("lines");
        foreach (var line in decision.Lines)
        {
            json.WriteStartObject();
            json.WriteString("item", line.Item);
            json.WriteString("eccn", line.Eccn);
            json.WriteBoolean("licenseRequired", line.LicenseRequired);
            WriteNullable(json, "reviewPolicy", line.ReviewPolicy is { } p ? WireNames.Name(p) : null);
            WriteNullable(json, "exception", line.Exception is { } e ? WireNames.Name(e) : null);
            json.WriteStartArray("findings");
            foreach (var finding in line.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("citation", finding.Citation);
                json.WriteString("message", finding.Message);
                json.WriteBoolean("unconfirmed", finding.Unconfirmed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("screening");
        foreach (var party in decision.Screening)
        {
            json.WriteStartObject();
            json.WriteString("role", WireNames.Name(party.Role));
            json.WriteString("name", party.Name);
            json.WriteString("decision", WireNames.Name(party.Decision));
            WriteNullable(json, "list", party.List);
            WriteNullable(json, "entry", party.Entry);
            if (party.Score is { } score)
            {
                json.WriteNumber("score", Math.Round(score, 4));
            }
            else
            {
                json.WriteNull("score");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("diffusion", WireNames.Name(decision.Diffusion));
        if (freshness is not null)
        {
            WriteLists(json, freshness);
        }

        json.WriteEndObject();
    }

    static void WriteLists(Utf8JsonWriter json, ListFreshness freshness)
    {
        json.WriteStartArray("lists");
        foreach (var list in freshness.Lists)
        {
            json.WriteStartObject();
            json.WriteString("version", list.Version);
            WriteNullable(json, "asOf", list.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (freshness.DaysOlder(list) is { } days)
            {
                json.WriteNumber("daysOlderThanOrder", days);
            }
            else
            {
                json.WriteNull("daysOlderThanOrder");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("maxListAgeDays", freshness.MaxAgeDays);
        json.WriteStartArray("listWarnings");
        foreach (var stale in freshness.Stale)
        {
            json.WriteStartObject();
            json.WriteString("code", "list-snapshot-stale");
            json.WriteString("list", stale.Version);
            json.WriteString("message", freshness.Warning(stale));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
