using Clearance.Lists;
using Clearance.Screening;
using Clearance.Tests.Orders;

namespace Clearance.Tests;

public sealed class BackgroundSchedulerTests
{
    [Fact]
    public async Task A_pass_s_parallel_work_runs_on_the_background_threads_at_a_lower_priority_and_none_inline_on_the_caller()
    {
        var caller = Environment.CurrentManagedThreadId;
        var callerNice = NiceOfThisThread();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, (ThreadPriority Priority, int? Nice)>();
        var iterations = 0;
        await BackgroundScheduler.Run(
            () => Parallel.For(0, 200, BackgroundScheduler.Options(CancellationToken.None), _ =>
            {
                Interlocked.Increment(ref iterations);
                seen.TryAdd(Environment.CurrentManagedThreadId, (Thread.CurrentThread.Priority, NiceOfThisThread()));
            }),
            CancellationToken.None);

        Assert.Equal(200, iterations);
        Assert.DoesNotContain(caller, seen.Keys);
        Assert.All(seen.Values, v => Assert.Equal(ThreadPriority.BelowNormal, v.Priority));
        if (OperatingSystem.IsLinux())
        {
            // The kernel's own record of each thread: field 19 of /proc/thread-self/stat is its nice value.
            Assert.True(BackgroundScheduler.Niced);
            Assert.All(seen.Values, v => Assert.Equal(BackgroundScheduler.Nice, v.Nice));
            // What awaited the work goes on at the caller's priority, not on the background thread that finished it.
            Assert.Equal(callerNice, NiceOfThisThread());
            Assert.NotEqual(BackgroundScheduler.Nice, callerNice);
        }
    }

    [Fact]
    public async Task Background_work_that_throws_or_is_cancelled_reaches_the_caller_as_such()
    {
        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() => BackgroundScheduler.Run<int>(() => throw new InvalidDataException("bad list"),
            CancellationToken.None));
        Assert.Equal("bad list", thrown.Message);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BackgroundScheduler.Run(() => ran = true, cancelled.Token));
        Assert.False(ran);
    }

    [Fact]
    public async Task Lists_indexed_on_the_background_threads_screen_exactly_as_lists_indexed_on_the_thread_pool()
    {
        var shipped = SampleOrders.NewLists().Current.Set;
        var background = await BackgroundScheduler.Run(() => ListSet.From(shipped.Lists, BackgroundScheduler.Options(CancellationToken.None)),
            CancellationToken.None);
        var pool = ListSet.From(shipped.Lists);
        Assert.Equal(pool.Index.NameCount, background.Index.NameCount);
        foreach (var name in new[] { "Huawei Technologies Co Ltd", "中科曙光", "Sugon Information Industry", "Peter Schmidt", "Nordic Optics AB" })
        {
            var query = new ScreeningQuery(name, "CN", null, PartyType.Unknown);
            Assert.Equal(pool.Index.Screen(query, 3).Select(m => (m.Entry.Id, m.Score, m.Explanation)),
                background.Index.Screen(query, 3).Select(m => (m.Entry.Id, m.Score, m.Explanation)));
        }
    }

    static int? NiceOfThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
