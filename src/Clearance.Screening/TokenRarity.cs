using System.Globalization;
using System.Reflection;

namespace Clearance.Screening;

/// <summary>How many listed parties carry each name token: a common token is weak evidence that two names are one.</summary>
/// <remarks>
/// An index counts its own entries' tokens (<see cref="ScreeningIndex.Rarity"/>); pairs scored without an index use
/// <see cref="Shipped"/>, the same count over the list snapshots shipped in <c>data/lists/</c>, embedded as a table
/// (tools/screening-rarity/generate.cs writes it; data/PROVENANCE.md).
/// </remarks>
public sealed class TokenRarity
{
    readonly Dictionary<string, int> _counts;

    /// <summary>Creates a table from token counts.</summary>
    /// <param name="counts">The number of entries that carry each token at least once.</param>
    /// <param name="entries">The number of entries counted.</param>
    public TokenRarity(IReadOnlyDictionary<string, int> counts, int entries)
        : this(new Dictionary<string, int>(counts ?? throw new ArgumentNullException(nameof(counts)), StringComparer.Ordinal), entries)
    {
    }

    // Takes the dictionary as it is: the tables built here are not shared, so they need no copy.
    TokenRarity(Dictionary<string, int> counts, int entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entries);
        _counts = counts;
        Entries = entries;
    }

    // Read on first use only: an index counts its own tokens, so screening never needs the embedded table.
    static readonly Lazy<TokenRarity> ShippedTable = new(ReadShipped);

    /// <summary>The counts over the shipped list snapshots.</summary>
    public static TokenRarity Shipped => ShippedTable.Value;

    /// <summary>A table that counts nothing: every token is rare.</summary>
    public static TokenRarity None { get; } = new(new Dictionary<string, int>(), 0);

    /// <summary>The number of entries counted.</summary>
    public int Entries { get; }

    /// <summary>The counted tokens, by token.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>The number of entries that carry <paramref name="token"/>; 0 when none does.</summary>
    public int Count(string token) => _counts.TryGetValue(token, out var count) ? count : 0;

    /// <summary>Writes the table as text: the entry count, then one "token count" line per token in ordinal order.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Entries.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
        foreach (var (token, count) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.Write(token);
            writer.Write(' ');
            writer.Write(count.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not "token count".</exception>
    public static TokenRarity Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var first = reader.ReadLine();
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var entries))
        {
            throw new InvalidDataException($"token rarity table: line 1 '{first}' is not an entry count");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !counts.TryAdd(line[..space], count))
            {
                throw new InvalidDataException($"token rarity table: line {lineNumber} '{line}' is not 'token count'");
            }
        }

        return new TokenRarity(counts, entries);
    }

    /// <summary>The tokens of <paramref name="table"/> that two or more entries carry (one or none: rare alike).</summary>
    public static TokenRarity Common(TokenRarity table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new TokenRarity(table._counts.Where(c => c.Value >= 2).ToDictionary(StringComparer.Ordinal), table.Entries);
    }

    /// <summary>Counts the distinct entries in each token's posting list (the names of one entry are contiguous).</summary>
    internal static TokenRarity FromPostings(PostingTable tokens, IndexedName[] names, int entries)
    {
        var counts = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        foreach (var (token, start, length) in tokens.Ranges)
        {
            var count = 0;
            var last = -1;
            foreach (var n in tokens.Names(start, length))
            {
                var entry = names[n].Entry;
                count += entry != last ? 1 : 0;
                last = entry;
            }

            counts[token] = count;
        }

        return new TokenRarity(counts, entries);
    }

    static TokenRarity ReadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Clearance.Screening.rarity.txt")
            ?? throw new InvalidOperationException("embedded resource Clearance.Screening.rarity.txt is missing");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
