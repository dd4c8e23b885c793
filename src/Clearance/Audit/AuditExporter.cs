using Clearance.Data;
using Microsoft.EntityFrameworkCore;

namespace Clearance.Audit;

/// <summary>Writes the events of a period as JSON lines (<see cref="AuditChain.ExportLine"/>), oldest first.</summary>
public sealed class AuditExporter(ClearanceDbContext db)
{
    /// <summary>Writes the events that occurred from the start of <paramref name="from"/> to the end of <paramref name="to"/> (UTC days); returns how many.</summary>
    public async Task<long> WriteJsonLinesAsync(DateOnly from, DateOnly to, TextWriter output, CancellationToken ct)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var written = 0L;
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => e.OccurredAt >= start && e.OccurredAt < end)
            .OrderBy(e => e.Id)
            .AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            await output.WriteAsync(AuditChain.ExportLine(e));
            await output.WriteAsync('\n');
            written++;
        }

        await output.FlushAsync(ct);
        return written;
    }

    /// <summary>The last event of the whole log as it is stored now (not verified: <see cref="AuditVerifier"/> does
    /// that), or null for an empty log.</summary>
    public async Task<AuditHead?> HeadAsync(CancellationToken ct)
    {
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : new AuditHead(last.Id, last.Hash);
    }
}
