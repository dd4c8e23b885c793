using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Shipments;

public sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("shipments");
        builder.Property(s => s.SubmittedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(ShipmentWorkflow.MaximumIdempotencyKeyLength);
        builder.HasIndex(s => new { s.SubmittedBy, s.IdempotencyKey }).IsUnique();
        builder.Property(s => s.RequestHash).HasMaxLength(64);
        builder.Property(s => s.Destination).HasMaxLength(2);
        builder.Property(s => s.InvoiceNumber).HasMaxLength(ShipmentWorkflow.MaximumTextLength);
        builder.Property(s => s.InvoiceAmount).HasPrecision(18, 2);
        builder.HasIndex(s => s.OrderId);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
