using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>An import worked out against one snapshot, before the database is written.</summary>
/// <param name="Current">The snapshot planned against.</param>
/// <param name="Source">The source the new version replaces.</param>
/// <param name="Previous">The lists of the same source in it (several shipped files may share a source).</param>
/// <param name="Next">The lists with the new version in place, indexed.</param>
/// <param name="Sources">The source of each of <c>Next.Lists</c>.</param>
/// <param name="KnownDates">The date of each of <c>Next.Lists</c>; null for the new version (its import date).</param>
/// <param name="Delta">The new version's entries that are added or changed.</param>
/// <param name="Added">How many of <paramref name="Delta"/> are new.</param>
/// <param name="Removed">Entries of the previous version no longer listed.</param>
public sealed record ListImportPlan(ListSnapshot Current, string Source, IReadOnlyList<LoadedList> Previous, ListSet Next,
    IReadOnlyList<string> Sources, IReadOnlyList<DateOnly?> KnownDates, IReadOnlyList<ListEntry> Delta, int Added, int Removed)
{
    /// <summary>The new version is the very file in use.</summary>
    public bool Unchanged { get; init; }

    /// <summary>Entries in use for the source, counted by list and name.</summary>
    public int PreviousEntries { get; init; }

    /// <summary>Entries in use whose name (within its list) the new version no longer carries, as a name or an alias.</summary>
    public int RemovedNames { get; init; }

    /// <summary>The entries <see cref="RemovedNames"/> counts, per list, most first.</summary>
    public IReadOnlyDictionary<string, int> RemovedByList { get; init; } = new Dictionary<string, int>();

    /// <summary>The first removed entries, "name (list)".</summary>
    public IReadOnlyList<string> RemovedSample { get; init; } = [];

    /// <summary>The dates of <c>Next.Lists</c>, the new version dated <paramref name="imported"/>.</summary>
    public IReadOnlyList<DateOnly?> Dates(DateOnly imported) => [.. KnownDates.Select(d => d ?? imported)];
}
