using System.Runtime.ExceptionServices;
using Clearance.Input;
using Clearance.Orders;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>The lists a screening run uses, loaded, merged and indexed.</summary>
public sealed class ListSet
{
    internal ListSet(IReadOnlyList<LoadedList> lists, ScreeningIndex index, string? cacheFile = null)
    {
        Lists = lists;
        Index = index;
        CacheFile = cacheFile;
    }

    /// <summary>The <see cref="ListCache"/> snapshot these lists were read from, or null when they were loaded and indexed.</summary>
    public string? CacheFile { get; }

    public IReadOnlyList<LoadedList> Lists { get; }

    public ScreeningIndex Index { get; }

    /// <summary>All rows that could not be used, over all lists.</summary>
    public IEnumerable<InputProblem> Problems => Lists.SelectMany(l => l.Problems);

    /// <param name="paths">The list files and OFAC folders.</param>
    /// <param name="countries">The country codes that country names in the lists are read as (<see cref="ClearanceData.Countries"/>).</param>
    /// <exception cref="ListFormatException">A list cannot be read at all.</exception>
    public static ListSet Load(IEnumerable<string> paths, CountryCodes countries)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(countries);
        var all = paths.ToArray();

        // The files are independent: parse them on all cores; the first failing path (in the given order) is reported.
        var lists = new LoadedList[all.Length];
        var failures = new ExceptionDispatchInfo?[all.Length];
        Parallel.For(0, all.Length, i =>
        {
            try
            {
                lists[i] = ListLoader.Load(all[i], countries);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        Array.Find(failures, f => f is not null)?.Throw();
        return From(lists);
    }

    /// <summary>Loads the lists through the binary cache in <paramref name="cacheDirectory"/> (see <see cref="ListCache"/>).</summary>
    /// <exception cref="ListFormatException">A list cannot be read at all.</exception>
    public static ListSet Load(IEnumerable<string> paths, CountryCodes countries, string cacheDirectory, TextWriter log) =>
        ListCache.Load([.. paths], countries, cacheDirectory, log);

    /// <summary>Merges and indexes lists already loaded, the index built in a parallel loop with <paramref name="parallel"/>
    /// (the thread pool when null) and sharing with <paramref name="previous"/>'s index the normalised names they have in
    /// common (<see cref="ScreeningIndex.Build"/>).</summary>
    public static ListSet From(IReadOnlyList<LoadedList> lists, ParallelOptions? parallel = null, ListSet? previous = null) =>
        new(lists, ScreeningIndex.Build(ListMerger.Merge(lists), parallel, previous?.Index));
}
