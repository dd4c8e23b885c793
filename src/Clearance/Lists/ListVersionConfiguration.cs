using Clearance.Rules;
using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Lists;

public sealed class ListVersionConfiguration : IEntityTypeConfiguration<ListVersion>
{
    public void Configure(EntityTypeBuilder<ListVersion> builder)
    {
        builder.ToTable("list_versions");
        builder.Property(v => v.Source).HasMaxLength(64);
        builder.Property(v => v.FileName).HasMaxLength(260);
        builder.Property(v => v.Format).HasMaxLength(32).HasConversion(f => f.Name(), s => WireNames.ParseStoredOrMemberName<ListFormat>(s));
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.Label).HasMaxLength(512);
        builder.Property(v => v.ImportedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(v => v.Status).HasMaxLength(16).HasDefaultValue(ListVersionStatus.Effective);
        builder.Property(v => v.ForceReason).HasMaxLength(2000);
        builder.Property(v => v.ApprovedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasIndex(v => v.Source);
    }
}
