using System.Diagnostics;

namespace Clearance.Peers.Systems;

/// <summary>Runs a batch on a fixed number of workers that each own their state (a connection, an analyzer) and pull the next index.</summary>
public static class Workers
{
    public static async Task<TimeSpan> RunAsync<TState>(
        int count,
        int workers,
        Func<CancellationToken, Task<TState>> open,
        Func<TState, int, CancellationToken, Task> work,
        double[]? latencyMs,
        CancellationToken cancellationToken)
        where TState : IAsyncDisposable
    {
        var next = -1;
        var states = new List<TState>();
        for (var i = 0; i < workers; i++)
        {
            states.Add(await open(cancellationToken));
        }

        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(states.Select(state => Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < count)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await work(state, index, cancellationToken);
                        if (latencyMs is not null)
                        {
                            latencyMs[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        }
                    }
                },
                cancellationToken)));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var state in states)
            {
                await state.DisposeAsync();
            }
        }
    }
}
