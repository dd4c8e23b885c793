using Microsoft.EntityFrameworkCore;

namespace Clearance.Data;

/// <summary>PostgreSQL, for production and several instances; owns <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresClearanceDbContext(DbContextOptions<PostgresClearanceDbContext> options) : ClearanceDbContext(options)
{
    // A transaction-scoped advisory lock: released by commit or rollback, shared by every instance on the database.
    const long AuditChainLock = 0x436C_6561_7261_6E63; // "Clearanc"

    public override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", ct);
}
