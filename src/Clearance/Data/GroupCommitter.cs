using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Clearance.Data;

/// <summary>
/// Group commit: one writer per process takes every item queued while the previous transaction ran and stores them in
/// one transaction (<see cref="StoreAsync"/>), so one commit (an fsync) and one hold of the audit chain's lock serve
/// many requests. Each submitter is answered only after that transaction has committed, so nothing acknowledged can be
/// lost; a transaction that fails is retried item by item, so one item that cannot be stored fails alone. Writers in
/// other processes still serialise on the chain's lock.
/// </summary>
public abstract class GroupCommitter<TItem, TResult>(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Enough to amortise a commit (an fsync) over many items, small enough to keep a transaction short.</summary>
    public const int MaximumBatch = 256;

    readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    readonly Lock _startLock = new();
    Task? _writer;

    /// <summary>Queues the item and completes once the transaction that stored it has committed.
    /// Cancelling stops the wait, not the write.</summary>
    public Task<TResult> CommitAsync(TItem item, CancellationToken ct)
    {
        EnsureWriter();
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(GetType().Name, "The service is stopping: no new writes are accepted.");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stores the items in one transaction (begun and committed here) and returns one result per item, in order;
    /// throws, with nothing committed, when any of them cannot be stored.</summary>
    protected abstract Task<IReadOnlyList<TResult>> StoreAsync(IServiceProvider services, IReadOnlyList<TItem> batch);

    void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writer ??= Task.Run(WriteQueuedAsync);
        }
    }

    async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>(MaximumBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaximumBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch);
        }
    }

    async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        IReadOnlyList<TResult> stored;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            stored = await StoreAsync(scope.ServiceProvider, [.. batch.Select(p => p.Item)]);
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(e);
                return;
            }

            // Nothing of the batch was committed; find the item that failed it by storing each on its own.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(stored[i]);
        }
    }

    sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
