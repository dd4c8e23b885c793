using System.Text.Json;
using Clearance.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clearance.Audit;

/// <summary>
/// Appends to the audit chain inside the transaction of the change being recorded:
/// <code>
/// await using var tx = await audit.BeginAsync(ct);
/// db.Things.Add(thing);
/// await audit.AppendAsync(new AuditEntry(actor, "thing.created", "thing", key, payload), ct);
/// await db.SaveChangesAsync(ct);
/// await tx.CommitAsync(ct);
/// </code>
/// Either both the change and its event are stored or neither is.
/// </summary>
public sealed class AuditLog(ClearanceDbContext db, TimeProvider clock)
{
    public const string SystemActor = "system";

    static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    // The last event appended in the current transaction: a batch appends many without rescanning the change tracker.
    (IDbContextTransaction Transaction, long Id, string Hash)? _tail;

    /// <summary>Begins the transaction and takes the chain's lock, so no other writer can append until it ends.</summary>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        return transaction;
    }

    /// <summary>
    /// Before <see cref="BeginAsync"/>, for a writer that holds the chain's lock while others wait (a list import): has
    /// EF compile the chain's tail query and build what tracking an event needs, and the serializer what
    /// <paramref name="payloads"/>' types need (each is serialized, and the text dropped), so that the first append of
    /// their kind in a process does none of it under the lock. Reads the tail, writes nothing.
    /// </summary>
    public async Task PrepareAsync(IEnumerable<object> payloads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var (lastId, lastHash) = await LastStoredAsync(ct);
        foreach (var payload in payloads)
        {
            _ = JsonSerializer.Serialize(payload, payload.GetType(), PayloadOptions);
        }

        var sample = new AuditEvent
        {
            Id = lastId + 1,
            OccurredAt = AuditChain.Truncate(clock.GetUtcNow()),
            Actor = SystemActor,
            Action = "",
            EntityType = "",
            EntityId = "",
            Payload = "{}",
            PreviousHash = lastHash,
        };
        sample.Seal();
        db.PrepareTracking(sample);
    }

    /// <summary>Adds the event to the context; the caller's <c>SaveChangesAsync</c> stores it with the change.</summary>
    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An audit event is written in the transaction of the change it records: call AuditLog.BeginAsync first.");

        var (lastId, lastHash) = await TailAsync(ct);
        var audited = new AuditEvent
        {
            Id = lastId + 1,
            OccurredAt = AuditChain.Truncate(clock.GetUtcNow()),
            Actor = entry.Actor,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            Payload = JsonSerializer.Serialize(entry.Payload, entry.Payload.GetType(), PayloadOptions),
            VintageId = entry.VintageId,
            ListVersionHash = entry.ListVersionHash,
            PreviousHash = lastHash,
        };
        audited.Seal();
        db.AuditEvents.Add(audited);
        _tail = (transaction, audited.Id, audited.Hash);
        return audited;
    }

    async Task<(long Id, string Hash)> TailAsync(CancellationToken ct)
    {
        if (_tail is { } tail && ReferenceEquals(tail.Transaction, db.Database.CurrentTransaction))
        {
            return (tail.Id, tail.Hash);
        }

        // Events appended earlier in this transaction are not in the database yet.
        var pending = db.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .MaxBy(e => e.Id);
        if (pending is not null)
        {
            return (pending.Id, pending.Hash);
        }

        return await LastStoredAsync(ct);
    }

    async Task<(long Id, string Hash)> LastStoredAsync(CancellationToken ct)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash })
            .FirstOrDefaultAsync(ct);
        return last is null ? (0, AuditChain.GenesisHash) : (last.Id, last.Hash);
    }
}
