using System.Threading.Channels;
using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Data;
using Clearance.Licenses;
using Microsoft.Extensions.DependencyInjection;

namespace Clearance.Orders;

/// <summary>
/// Group commit for submitted orders: one writer per process takes every order queued while the previous transaction
/// ran and stores them, each with its audit event, in one transaction under the audit chain's lock
/// (<see cref="OrderWorkflow.StoreAsync"/>). Each submitter is answered only after that transaction has committed, so
/// nothing acknowledged can be lost; a transaction that fails is retried order by order, so one order that cannot be
/// stored fails alone. Writers in other processes still serialise on the chain's lock.
/// </summary>
public sealed class OrderCommitter(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Enough to amortise a commit (an fsync) over many orders, small enough to keep a transaction short.</summary>
    public const int MaximumBatch = 256;

    readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    readonly Lock _startLock = new();
    Task? _writer;

    /// <summary>Queues the order and completes once it is committed (or an earlier one with its key is found).
    /// Cancelling stops the wait, not the write: a retry with the same key then finds the order.</summary>
    public Task<OrderSubmission> CommitAsync(Func<NewOrder> create, CancellationToken ct)
    {
        EnsureWriter();
        var pending = new Pending(create, new TaskCompletionSource<OrderSubmission>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(OrderCommitter), "The service is stopping: no new orders are accepted.");
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
    }

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
        IReadOnlyList<OrderSubmission> stored;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClearanceDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var alerts = scope.ServiceProvider.GetRequiredService<AlertWorkflow>();
            var licenses = scope.ServiceProvider.GetRequiredService<LicenseWorkflow>();
            stored = await OrderWorkflow.StoreAsync(db, audit, alerts, licenses, [.. batch.Select(p => p.Create())], CancellationToken.None);
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(e);
                return;
            }

            // Nothing of the batch was committed; find the order that failed it by storing each on its own.
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

    sealed record Pending(Func<NewOrder> Create, TaskCompletionSource<OrderSubmission> Done);
}
