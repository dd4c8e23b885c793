using Clearance.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.UserName).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.Role).HasMaxLength(32).HasConversion(r => r.Name(), s => WireNames.ParseStored<Role>(s));
        builder.Property(u => u.PasswordHash).HasMaxLength(256);
        builder.Property(u => u.CreatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Ignore(u => u.IsEnabled);
        builder.HasMany(u => u.ApiKeys).WithOne(k => k.User).HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
