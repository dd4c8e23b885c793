using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Licenses;

public sealed class LicenseApplicationConfiguration : IEntityTypeConfiguration<LicenseApplication>
{
    public void Configure(EntityTypeBuilder<LicenseApplication> builder)
    {
        builder.ToTable("license_applications");
        builder.Property(a => a.Applicant).HasMaxLength(LicenseValidator.MaximumNameLength);
        builder.Property(a => a.Destination).HasMaxLength(2);
        builder.Property(a => a.Status).HasMaxLength(32);
        builder.Property(a => a.SubmittedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(a => a.UpdatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasOne<License>().WithMany().HasForeignKey(a => a.LicenseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Status);
    }
}
