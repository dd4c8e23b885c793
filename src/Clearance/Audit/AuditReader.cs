using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Audit;

/// <summary>Reads the audit log for people: filtered pages, newest first.</summary>
public sealed class AuditReader(ClearanceDbContext db)
{
    /// <summary>One page of the events that match; <paramref name="page"/> counts from 1 and is moved back to the last
    /// page when it lies beyond it.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var query = db.AuditEvents.AsNoTracking();
        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.Actor == actor);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.EntityType is { } type)
        {
            query = query.Where(e => e.EntityType == type);
        }

        if (filter.EntityId is { } id)
        {
            query = query.Where(e => e.EntityId == id);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt < end);
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var events = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(events, total, page, pageSize);
    }

    /// <summary>The actions the log holds, for a filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}

/// <summary>Audit events to show; null fields do not filter. Dates are UTC days, inclusive.</summary>
public sealed record AuditFilter(string? Actor, string? Action, string? EntityType, string? EntityId, DateOnly? From, DateOnly? To);

/// <param name="Events">The events of this page, newest first.</param>
/// <param name="Total">How many events match.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Events per page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
