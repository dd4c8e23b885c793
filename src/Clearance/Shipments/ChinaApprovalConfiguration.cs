using Clearance.Licenses;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Shipments;

public sealed class ChinaApprovalConfiguration : IEntityTypeConfiguration<ChinaApproval>
{
    public void Configure(EntityTypeBuilder<ChinaApproval> builder)
    {
        builder.ToTable("china_approvals");
        builder.Property(a => a.Buyer).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.BuyerKey).HasMaxLength(64);
        builder.Property(a => a.Item).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.Authority).HasMaxLength(ShipmentWorkflow.MaximumTextLength);
        builder.Property(a => a.Reference).HasMaxLength(ShipmentWorkflow.MaximumTextLength);
        builder.Property(a => a.Conditions).HasMaxLength(LicenseValidator.MaximumReasonLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasIndex(a => new { a.BuyerKey, a.Item });
    }
}
