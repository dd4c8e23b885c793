using System.Globalization;

namespace Clearance.Audit;

/// <summary>An anchor for the chain's tail: the id of an event and its hash, written <c>N:HASH</c>.</summary>
public sealed record AuditHead(long Event, string Hash)
{
    public override string ToString() => Format(Event, Hash);

    public static string Format(long id, string hash) => string.Create(CultureInfo.InvariantCulture, $"{id}:{hash}");

    /// <summary>The head written as <c>N:HASH</c>, or null with what is wrong with it.</summary>
    public static (AuditHead? Head, string? Error) Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            return (null, $"'{text}' is not N:HASH with N an event number (1 or more)");
        }

        var hash = text[(colon + 1)..];
        return hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? (new AuditHead(id, hash), null)
            : (null, $"'{hash}' is not a SHA-256 hash (64 lower-case hex digits)");
    }
}
