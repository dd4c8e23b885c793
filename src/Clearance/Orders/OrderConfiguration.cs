using Clearance.Rules;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Orders;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.Property(o => o.IdempotencyKey).HasMaxLength(OrderWorkflow.MaximumIdempotencyKeyLength);
        builder.Property(o => o.SubmittedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasIndex(o => new { o.SubmittedBy, o.IdempotencyKey }).IsUnique();
        builder.Property(o => o.RequestHash).HasMaxLength(64);
        builder.Property(o => o.Destination).HasMaxLength(2);
        builder.Property(o => o.Verdict).HasMaxLength(32);
        builder.Property(o => o.Status).HasMaxLength(32).HasConversion(s => s.Name(), s => WireNames.ParseStored<OrderStatus>(s));
        builder.Property(o => o.VintageId).HasMaxLength(64);
        builder.Property(o => o.ListVersionHash).HasMaxLength(64);
        builder.Property(o => o.ReleasedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(o => o.ReleaseReason).HasMaxLength(OrderWorkflow.MaximumReasonLength);
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.OrderDate);
        builder.HasIndex(o => o.AwaitsLicense);
    }
}
