using System.Diagnostics;
using Clearance.Screening;

namespace Clearance;

/// <summary>The last step of a service's start, after its lists are loaded and before its first request.</summary>
/// <remarks>
/// Two costs would otherwise fall on whatever runs first under load. The tables screening loads on first use
/// (<see cref="ScreeningTables"/>) are loaded now. Then the heap is collected once, in full and compacted: what the start
/// built to keep (the lists, their index, the tables, the database model, about 50 MB) is still in the runtime's younger
/// generations, and the first collection of generation 1 under load would copy all of it while every thread waits: pauses
/// of 59 to 157 ms, in an import's first three seconds in the benchmark (bench/README.md, "Orders behind an import: the
/// start's long-lived data and the tables screening loads on first use"). The collection runs at the first start of a
/// process only: a process that starts the service again (a test suite starts it hundreds of times) would otherwise stop
/// every thread for a full collection of everything it holds at each start.
/// </remarks>
public static class ServiceStart
{
    static int _collected;

    /// <summary>Loads the screening tables and, at the process's first start, compacts the heap; says what it did and
    /// how long each took.</summary>
    public static ServiceStartFigures Finish()
    {
        var clock = Stopwatch.StartNew();
        var tables = ScreeningTables.Load();
        var loaded = clock.Elapsed;
        var collect = Interlocked.Exchange(ref _collected, 1) == 0;
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return new ServiceStartFigures(tables, loaded, collect, collect ? clock.Elapsed - loaded : TimeSpan.Zero, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}

/// <summary>What <see cref="ServiceStart.Finish"/> did.</summary>
/// <param name="Tables">The sizes of the screening tables loaded.</param>
/// <param name="Loading">How long loading them took.</param>
/// <param name="Collected">Whether the heap was collected: at the first start of a process only.</param>
/// <param name="Collecting">How long the full collection took (zero when none ran).</param>
/// <param name="HeapBytes">The heap's size after it.</param>
public sealed record ServiceStartFigures(ScreeningTableSizes Tables, TimeSpan Loading, bool Collected, TimeSpan Collecting, long HeapBytes);
