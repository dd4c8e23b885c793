using System.Security.Cryptography;
using System.Text;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>The lists one instance screens against, indexed, with the database version they were built from.</summary>
/// <param name="Set">The loaded lists and their index.</param>
/// <param name="Sources">The source name of each of <c>Set.Lists</c>, in the same order.</param>
/// <param name="Generation">The newest <c>list_versions</c> id this was built from; 0 for the shipped snapshots alone.</param>
public sealed record ListSnapshot(ListSet Set, IReadOnlyList<string> Sources, long Generation)
{
    /// <summary>The list versions screened against, as recorded with each decision.</summary>
    public string Lists { get; } = string.Join("; ", Set.Lists.Select(l => l.Version));

    /// <summary>Lower-case hex SHA-256 of <see cref="Lists"/>.</summary>
    public string Hash => field ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Lists)));

    public ScreeningIndex Index => Set.Index;

    /// <summary>The date each of <c>Set.Lists</c> is current on, in the same order; empty when not known.</summary>
    public IReadOnlyList<DateOnly?> Dates { get; init; } = [];

    /// <summary>The date of <c>Set.Lists[index]</c>, or null when not known.</summary>
    public DateOnly? DateOf(int index) => index < Dates.Count ? Dates[index] : null;

    /// <summary>Every list with its date, for the record of what a decision screened against.</summary>
    public IReadOnlyList<ListDate> ListDates => field ??= [.. Set.Lists.Select((l, i) => new ListDate(l.Version, DateOf(i)))];

    /// <summary>Whether one of these lists carries the entry (by list name and the entry's id in it), in any version of it.</summary>
    public bool IsListed(string list, string entryId) => Listed.Contains((list, entryId));

    /// <summary>The entry as these lists carry it now, or null when none does.</summary>
    public ListEntry? Find(string list, string entryId) => Entries.GetValueOrDefault((list, entryId));

    Dictionary<(string List, string Id), ListEntry> Entries => field ??= Set.Lists.SelectMany(l => l.Entries)
        .GroupBy(e => (e.List, e.Id)).ToDictionary(g => g.Key, g => g.Last());

    HashSet<(string List, string Id)> Listed => field ??= Set.Lists.SelectMany(l => l.Entries).Select(e => (e.List, e.Id)).ToHashSet();
}
