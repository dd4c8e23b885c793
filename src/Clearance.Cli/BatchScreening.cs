using Clearance.Screening;

namespace Clearance.Cli;

/// <summary>Screens queries on one worker thread per core, in small batches taken in order, so results become
/// available front to back while the caller writes them (no barrier between chunks, no idle core at a chunk's end).</summary>
sealed class BatchScreening : IDisposable
{
    const int BatchSize = 64;

    readonly ScreeningIndex _index;
    readonly ScreeningQuery[] _queries;
    readonly int _top;
    readonly CancellationToken _ct;
    readonly int[] _batchDone;
    readonly Task[] _workers;
    readonly object _gate = new();
    int _nextBatch = -1;
    int _doneUpTo;
    volatile bool _failed;

    public BatchScreening(ScreeningIndex index, ScreeningQuery[] queries, int top, CancellationToken ct)
    {
        _index = index;
        _queries = queries;
        _top = top;
        _ct = ct;
        Results = new IReadOnlyList<ScreeningMatch>[queries.Length];
        _batchDone = new int[(queries.Length + BatchSize - 1) / BatchSize];
        _workers = new Task[Math.Clamp(_batchDone.Length, 1, Environment.ProcessorCount)];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>The results, by query; a slot is set once <see cref="WaitFor"/> has returned for it.</summary>
    public IReadOnlyList<ScreeningMatch>[] Results { get; }

    /// <summary>Blocks until the first <paramref name="count"/> queries are screened; rethrows a worker's failure.</summary>
    public void WaitFor(int count, ProgressBar? progress)
    {
        if (count <= _doneUpTo)
        {
            return;
        }

        lock (_gate)
        {
            while (true)
            {
                var batch = _doneUpTo / BatchSize;
                while (batch < _batchDone.Length && _batchDone[batch] != 0)
                {
                    batch++;
                }

                _doneUpTo = Math.Min(_queries.Length, batch * BatchSize);
                progress?.Report(_doneUpTo);
                if (_doneUpTo >= count)
                {
                    return;
                }

                if (_failed || _ct.IsCancellationRequested)
                {
                    break;
                }

                Monitor.Wait(_gate, 100);
            }
        }

        // A worker failed or the run was cancelled: surface it as the loop over the queries would have.
        _ct.ThrowIfCancellationRequested();
        Task.WaitAll(_workers);
    }

    void Work()
    {
        try
        {
            while (!_ct.IsCancellationRequested && !_failed)
            {
                var batch = Interlocked.Increment(ref _nextBatch);
                if (batch >= _batchDone.Length)
                {
                    return;
                }

                var end = Math.Min(_queries.Length, (batch + 1) * BatchSize);
                for (var i = batch * BatchSize; i < end; i++)
                {
                    Results[i] = _index.Screen(_queries[i], _top);
                }

                lock (_gate)
                {
                    _batchDone[batch] = 1;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception)
        {
            _failed = true;
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }

            throw;
        }
    }

    /// <summary>Stops the workers if the caller gave up early and waits for them.</summary>
    public void Dispose()
    {
        _failed = _failed || _doneUpTo < _queries.Length;
        try
        {
            Task.WaitAll(_workers);
        }
        catch (AggregateException)
        {
            // Already rethrown by WaitFor, or the caller is leaving with an exception of its own that must not be masked.
        }
    }
}
