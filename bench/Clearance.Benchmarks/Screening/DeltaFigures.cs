using System.Diagnostics;
using System.Globalization;
using Clearance.Screening;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// The two ways to re-screen parties after a list change, timed on the same parties and changed entries:
/// (a) an index of the added and changed entries alone, every party screened against it (what the service does);
/// (b) every party screened against the whole new index, hits kept when their entry is among the changed ones.
/// Parties: the first names of NAMES.csv plus every 50th listed name (so that some hit); changed entries: every
/// STRIDE-th entry of the shipped lists.
/// </summary>
static class DeltaFigures
{
    const int Candidates = 3;

    public static int Run(string[] args)
    {
        if (args is not [var namesFile, ..])
        {
            Console.Error.WriteLine("usage: delta-figures NAMES.csv [PARTIES=10000] [STRIDE=200]");
            return 2;
        }

        var parties = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var stride = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var entries = DefaultLists.Entries();
        var names = File.ReadLines(namesFile).Skip(1).Take(parties - (entries.Count / 50))
            .Concat(entries.Where((_, i) => i % 50 == 0).Select(e => e.Name))
            .ToList();
        var changed = entries.Where((_, i) => i % stride == 0).ToList();
        var changedSet = new HashSet<ListEntry>(changed, ReferenceEqualityComparer.Instance);
        var full = ScreeningIndex.Build(entries);
        Console.WriteLine(FormattableString.Invariant($"{names.Count} parties, {changed.Count} changed entries of {entries.Count}"));

        for (var run = 1; run <= 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var delta = ScreeningIndex.Build(changed);
            var build = clock.Elapsed.TotalMilliseconds;
            var deltaHits = Hits(names, delta, _ => true);
            var deltaTime = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var fullHits = Hits(names, full, changedSet.Contains);
            var fullTime = clock.Elapsed.TotalMilliseconds;

            Console.WriteLine(FormattableString.Invariant(
                $"run {run}: (a) delta index: build {build:0.0} ms + screen = {deltaTime:0.0} ms, {deltaHits.Count} hits; (b) whole index, filtered: {fullTime:0.0} ms, {fullHits.Count} hits; in (a) not (b): {deltaHits.Except(fullHits).Count()}, in (b) not (a): {fullHits.Except(deltaHits).Count()}"));
        }

        return 0;
    }

    static HashSet<(string, string)> Hits(List<string> names, ScreeningIndex index, Func<ListEntry, bool> keep)
    {
        var hits = new HashSet<(string, string)>();
        foreach (var name in names)
        {
            foreach (var match in index.Screen(new ScreeningQuery(name), Candidates))
            {
                if (match.Score >= ScreeningDefaults.Threshold && keep(match.Entry))
                {
                    hits.Add((name, match.Entry.List + "/" + match.Entry.Id));
                }
            }
        }

        return hits;
    }
}
