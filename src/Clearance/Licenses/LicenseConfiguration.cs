using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Licenses;

public sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> builder)
    {
        builder.ToTable("licenses");
        builder.Property(l => l.Number).HasMaxLength(LicenseValidator.MaximumNumberLength);
        builder.HasIndex(l => l.Number).IsUnique();
        builder.Property(l => l.Type).HasMaxLength(8);
        builder.Property(l => l.Holder).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(l => l.Currency).HasMaxLength(3);
        builder.Property(l => l.ConfirmationNumber).HasMaxLength(LicenseValidator.MaximumNumberLength);
        builder.Property(l => l.RevokedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(l => l.RevokeReason).HasMaxLength(LicenseValidator.MaximumReasonLength);
        builder.Property(l => l.CreatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(l => l.UpdatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasMany(l => l.Lines).WithOne().HasForeignKey(l => l.LicenseId).OnDelete(DeleteBehavior.Restrict);
    }
}
