using Clearance.Licenses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Shipments;

public sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.ToTable("obligations");
        builder.Property(o => o.LicenseNumber).HasMaxLength(LicenseValidator.MaximumNumberLength);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Rate).HasPrecision(9, 6);
        builder.Property(o => o.InvoiceAmount).HasPrecision(18, 2);
        builder.Property(o => o.Amount).HasPrecision(18, 2);
        builder.Property(o => o.Quarter).HasMaxLength(6);
        builder.HasIndex(o => new { o.LicenseId, o.Quarter });
        builder.HasIndex(o => o.InvoiceDate);
    }
}
