using System.Diagnostics;
using Clearance.Screening;

namespace Clearance.Benchmarks.Screening;

/// <summary>
/// <c>dotnet run -c Release --project bench/Clearance.Benchmarks -- screening-figures [NAMES.csv]</c>: index build time,
/// managed memory of the index, and the single-query latency distribution (p50/p99) over a file of names, one thread.
/// </summary>
static class ScreeningFigures
{
    public static int Run(string[] args)
    {
        var load = Stopwatch.StartNew();
        var entries = DefaultLists.Entries();
        Console.WriteLine($"load lists: {load.ElapsedMilliseconds} ms, {entries.Count} entries");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var builds = new List<double>();
        ScreeningIndex? index = null;
        for (var i = 0; i < 3; i++)
        {
            index = null;
            GC.Collect();
            var build = Stopwatch.StartNew();
            index = ScreeningIndex.Build(entries);
            builds.Add(build.Elapsed.TotalMilliseconds);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"index build: {string.Join(" / ", builds.Select(b => $"{b:F0} ms"))} (3 runs), {index!.NameCount} names");
        Console.WriteLine($"index memory (managed heap growth): {(after - before) / 1e6:F0} MB");
        var names = args.Length > 0
            ? File.ReadLines(args[0]).Skip(1).Select(l => l.Split(',')[0].Trim('"')).Where(n => n.Length > 0).ToArray()
            : entries.Take(5000).Select(e => e.Name).ToArray();
        foreach (var n in names.Take(2000))
        {
            index.Screen(new ScreeningQuery(n));
        }

        var latencies = new double[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Screen(new ScreeningQuery(names[i]));
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        Console.WriteLine($"single query over {names.Length} names: p50 {latencies[names.Length / 2]:F3} ms, "
            + $"p99 {latencies[(int)(names.Length * 0.99)]:F3} ms, mean {latencies.Average():F3} ms");
        GC.KeepAlive(index);
        return 0;
    }
}
