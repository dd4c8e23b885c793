using Microsoft.EntityFrameworkCore;

namespace Clearance.Data;

/// <summary>SQLite, the embedded default; owns <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteClearanceDbContext(DbContextOptions<SqliteClearanceDbContext> options) : ClearanceDbContext(options)
{
    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already takes the database's single write
    // lock; a second writer waits (busy timeout) until the first commits.
    public override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    // SQLite has no timestamp type: EF stores DateTime as ISO text and reads it back with Kind unspecified.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
