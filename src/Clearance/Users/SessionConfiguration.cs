using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Users;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.Property(s => s.EndReason).HasMaxLength(32);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
