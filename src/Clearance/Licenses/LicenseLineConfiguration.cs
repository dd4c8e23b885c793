using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Licenses;

public sealed class LicenseLineConfiguration : IEntityTypeConfiguration<LicenseLine>
{
    public void Configure(EntityTypeBuilder<LicenseLine> builder)
    {
        builder.ToTable("license_lines");
        builder.Property(l => l.Item).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(l => l.Value).HasPrecision(18, 2);
        builder.Property(l => l.ValueReserved).HasPrecision(18, 2);
        builder.Property(l => l.ValueShipped).HasPrecision(18, 2);
        builder.Ignore(l => l.QuantityLeft);
        builder.Ignore(l => l.ValueLeft);
        builder.HasIndex(l => new { l.LicenseId, l.Index }).IsUnique();
    }
}
