using Clearance.Alerts;
using Clearance.Audit;
using Clearance.Licenses;
using Clearance.Lists;
using Clearance.Orders;
using Clearance.Parties;
using Clearance.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clearance.Data;

/// <summary>
/// The application's database. One subclass per provider owns that provider's migrations
/// (<see cref="SqliteClearanceDbContext"/>, <see cref="PostgresClearanceDbContext"/>); everything else uses this type.
/// </summary>
public abstract class ClearanceDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The web host's data-protection key ring (it signs the sign-in cookies), shared by every instance serving
    /// this database so that each accepts the cookies of the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<ListVersion> ListVersions => Set<ListVersion>();

    public DbSet<ScreeningPass> ScreeningPasses => Set<ScreeningPass>();

    public DbSet<ScreeningStamp> ScreeningStamps => Set<ScreeningStamp>();

    public DbSet<License> Licenses => Set<License>();

    public DbSet<LicenseLine> LicenseLines => Set<LicenseLine>();

    public DbSet<LicenseReservation> LicenseReservations => Set<LicenseReservation>();

    /// <summary>
    /// Serialises writers of the audit chain until the current transaction ends, across processes sharing the database.
    /// </summary>
    public abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>
    /// Has EF build what it builds the first time a process tracks an entity of <paramref name="row"/>'s type (snapshot
    /// factories, property getters and setters, value comparers: compiled expressions, hundreds of JIT compilations for
    /// an entity type of twenty columns) by tracking <paramref name="row"/> as stored and as changed and then forgetting it;
    /// its key is left as it was, and nothing is written. A transaction whose lock other writers wait for calls this, before
    /// taking the lock, for each type of row it writes, so that the first such transaction in a process does not do that
    /// work while holding the lock (bench/README.md, "The import's version transaction").
    /// </summary>
    /// <remarks><paramref name="row"/> must not be tracked, and its key (a <see cref="long"/>) must not be that of a
    /// tracked row: it is tracked under the key -1 while it is prepared.</remarks>
    public void PrepareTracking(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entry = Entry(row);
        if (entry.State != EntityState.Detached)
        {
            throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} prepared for tracking must not be tracked already.");
        }

        var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
        var id = entry.Property(key.Name);
        var original = id.CurrentValue;
        try
        {
            // As an inserted row is tracked: added (a generated key gets a temporary value), then stored under its key.
            id.CurrentValue = key.ValueGenerated == ValueGenerated.Never ? -1L : 0L;
            entry.State = EntityState.Added;
            ChangeTracker.DetectChanges();
            entry.State = EntityState.Detached;
            // As a read or stored row is tracked and changed (a new entry: a detached one keeps the snapshots it had).
            entry = Entry(row);
            id = entry.Property(key.Name);
            id.CurrentValue = -1L;
            entry.State = EntityState.Unchanged;
            entry.State = EntityState.Modified;
            ChangeTracker.DetectChanges();
            foreach (var property in entry.Properties)
            {
                _ = property.OriginalValue;
            }
        }
        finally
        {
            entry.State = EntityState.Detached;
            id.CurrentValue = original;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClearanceDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseDeletionsAndAuditEdits();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseDeletionsAndAuditEdits();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // 15 CFR 762.6: records are kept five years, so nothing this application writes is ever deleted, and an audit
    // event, once written, is never changed. A bug that tries either fails loudly instead of eroding the record.
    void RefuseDeletionsAndAuditEdits()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            // An owned type mapped to JSON (a party's owners) is part of its owner's row: removing one rewrites that row,
            // whose change is audited with its before and after, and deletes nothing.
            if (entry.State == EntityState.Deleted && !(entry.Metadata.IsOwned() && entry.Metadata.IsMappedToJson()))
            {
                throw new InvalidOperationException($"Records are never deleted: refusing to delete a {entry.Metadata.ClrType.Name}.");
            }

            if (entry.State == EntityState.Modified && entry.Entity is AuditEvent)
            {
                throw new InvalidOperationException("Audit events are never changed once written.");
            }
        }
    }
}
