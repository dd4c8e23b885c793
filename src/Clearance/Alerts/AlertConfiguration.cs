using Clearance.Orders;
using Clearance.Rules;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Alerts;

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("screening_alerts");
        builder.Property(a => a.Source).HasMaxLength(16);
        builder.HasOne(a => a.Party).WithMany().HasForeignKey(a => a.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Order).WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Role).HasMaxLength(32);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.SubjectKey).HasMaxLength(64);
        builder.Property(a => a.NameKey).HasMaxLength(64);
        builder.Property(a => a.List).HasMaxLength(256);
        builder.Property(a => a.EntryId).HasMaxLength(128);
        builder.Property(a => a.EntryHash).HasMaxLength(64);
        builder.Property(a => a.ListVersionHash).HasMaxLength(64);
        builder.Property(a => a.Status).HasMaxLength(32).HasConversion(s => s.Name(), s => WireNames.ParseStored<AlertStatus>(s));
        builder.Property(a => a.DispositionedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(a => a.DispositionReason).HasMaxLength(OrderWorkflow.MaximumReasonLength);
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => new { a.SubjectKey, a.EntryHash });
        builder.HasIndex(a => a.NameKey);
        builder.HasIndex(a => a.List);
    }
}
