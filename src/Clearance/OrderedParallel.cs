using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Clearance;

/// <summary>The one parallel, order-keeping pipeline of the application (classify's rows, screen's queries): work items
/// are taken from the source one at a time, as cores come free, processed in parallel, and handed back in source order
/// as soon as each one and every one before it is done.</summary>
public static class OrderedParallel
{
    /// <summary>Applies <paramref name="work"/> to every item of <paramref name="source"/> on all cores and yields the
    /// results in source order, streaming. The source is enumerated lazily by one worker at a time, so it may be a
    /// reader over a file; a worker's exception is rethrown as itself; disposing the enumerator early stops the workers.</summary>
    public static IEnumerable<TResult> Select<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);

        // NoBuffering: a worker takes one item at a time, so a slow item never holds a chunk of others hostage and the
        // results stream out in order; NotBuffered hands each result to the consumer as soon as its turn comes.
        var query = Partitioner.Create(source, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel()
            .AsOrdered()
            .WithCancellation(ct)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(work);
        return Unwrapped(query);
    }

    static IEnumerable<T> Unwrapped<T>(IEnumerable<T> results)
    {
        using var e = results.GetEnumerator();
        while (true)
        {
            T current;
            try
            {
                if (!e.MoveNext())
                {
                    break;
                }

                current = e.Current;
            }
            catch (AggregateException failed) when (failed.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
                throw;
            }

            yield return current;
        }
    }
}
