using Clearance.Licenses;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Shipments;

public sealed class ObligationPaymentConfiguration : IEntityTypeConfiguration<ObligationPayment>
{
    public void Configure(EntityTypeBuilder<ObligationPayment> builder)
    {
        builder.ToTable("obligation_payments");
        builder.Property(p => p.LicenseNumber).HasMaxLength(LicenseValidator.MaximumNumberLength);
        builder.Property(p => p.Quarter).HasMaxLength(6);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Reference).HasMaxLength(ShipmentWorkflow.MaximumTextLength);
        builder.Property(p => p.RecordedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasIndex(p => new { p.LicenseId, p.Quarter });
    }
}
