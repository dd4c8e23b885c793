using System.Diagnostics;
using Clearance.Screening;

namespace Clearance.Peers.Systems;

/// <summary>Clearance's screening library in process, for the figures a separate CLI process cannot give: index build and per-query latency.</summary>
public static class ClearanceLibrary
{
    public static (TimeSpan Build, double[] LatencyMs) Measure(IReadOnlyList<ListEntry> entries, IReadOnlyList<string> sample, int top)
    {
        var clock = Stopwatch.StartNew();
        var index = ScreeningIndex.Build(entries);
        var build = clock.Elapsed;
        foreach (var name in sample.Take(200))
        {
            index.Screen(new ScreeningQuery(name), top);
        }

        var latency = new double[sample.Count];
        for (var i = 0; i < sample.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Screen(new ScreeningQuery(sample[i]), top);
            latency[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return (build, latency);
    }
}
