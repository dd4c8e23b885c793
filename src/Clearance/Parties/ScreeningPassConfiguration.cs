using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Parties;

public sealed class ScreeningPassConfiguration : IEntityTypeConfiguration<ScreeningPass>
{
    public void Configure(EntityTypeBuilder<ScreeningPass> builder)
    {
        builder.ToTable("screening_passes");
        builder.Property(p => p.Kind).HasMaxLength(16);
        builder.Property(p => p.Reason).HasMaxLength(1000);
        builder.Property(p => p.Build).HasMaxLength(ScreeningBuild.MaximumLength);
        builder.Property(p => p.Owner).HasMaxLength(200);
        builder.Property(p => p.LastError).HasMaxLength(ScreeningPasses.MaximumErrorLength);
        builder.HasIndex(p => p.FinishedAt);
    }
}
