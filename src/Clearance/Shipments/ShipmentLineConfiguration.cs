using Clearance.Licenses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Shipments;

public sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> builder)
    {
        builder.ToTable("shipment_lines");
        builder.Property(l => l.Item).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(l => l.Country).HasMaxLength(2);
        builder.Property(l => l.BuyerKey).HasMaxLength(64);
        builder.Property(l => l.Value).HasPrecision(18, 2);
        builder.HasIndex(l => new { l.Item, l.Country });
        builder.HasIndex(l => l.LicenseId);
    }
}
