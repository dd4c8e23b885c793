using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>The lists a screening run uses, loaded, merged and indexed.</summary>
public sealed class ListSet
{
    ListSet(IReadOnlyList<LoadedList> lists, ScreeningIndex index)
    {
        Lists = lists;
        Index = index;
    }

    public IReadOnlyList<LoadedList> Lists { get; }

    public ScreeningIndex Index { get; }

    /// <summary>All rows that could not be used, over all lists.</summary>
    public IEnumerable<ListProblem> Problems => Lists.SelectMany(l => l.Problems);

    /// <exception cref="ListFormatException">A list cannot be read at all.</exception>
    public static ListSet Load(IEnumerable<string> paths)
    {
        var lists = paths.Select(ListLoader.Load).ToList();
        return new ListSet(lists, ScreeningIndex.Build(ListMerger.Merge(lists)));
    }

    /// <summary>Merges and indexes lists already loaded.</summary>
    public static ListSet From(IReadOnlyList<LoadedList> lists) => new(lists, ScreeningIndex.Build(ListMerger.Merge(lists)));
}
