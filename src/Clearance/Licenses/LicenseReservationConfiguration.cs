using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Licenses;

public sealed class LicenseReservationConfiguration : IEntityTypeConfiguration<LicenseReservation>
{
    public void Configure(EntityTypeBuilder<LicenseReservation> builder)
    {
        builder.ToTable("license_reservations");
        builder.Property(r => r.Value).HasPrecision(18, 2);
        builder.Property(r => r.ValueShipped).HasPrecision(18, 2);
        builder.HasIndex(r => new { r.OrderId, r.Line });
        builder.HasIndex(r => r.LicenseId);
    }
}
