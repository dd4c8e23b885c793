using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Parties;

public sealed class ScreeningStampConfiguration : IEntityTypeConfiguration<ScreeningStamp>
{
    public void Configure(EntityTypeBuilder<ScreeningStamp> builder)
    {
        builder.ToTable("screening_stamps");
        builder.Property(s => s.ListVersionHash).HasMaxLength(64);
        builder.HasOne<ScreeningPass>().WithMany().HasForeignKey(s => s.PassId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.LastPartyId, s.AfterPartyId });
        builder.HasIndex(s => s.PassId);
    }
}
