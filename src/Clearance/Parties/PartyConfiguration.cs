using Clearance.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clearance.Parties;

public sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("parties");
        builder.Property(p => p.ExternalReference).HasMaxLength(PartyWorkflow.MaximumReferenceLength);
        builder.HasIndex(p => p.ExternalReference).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(PartyWorkflow.MaximumNameLength);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.Headquarters).HasMaxLength(2);
        builder.Property(p => p.Address).HasMaxLength(PartyWorkflow.MaximumAddressLength);
        builder.Property(p => p.SubjectKey).HasMaxLength(64);
        builder.Property(p => p.NameKey).HasMaxLength(64);
        builder.HasIndex(p => p.NameKey);
        builder.HasIndex(p => p.Country);
        builder.Property(p => p.CreatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(p => p.UpdatedBy).HasMaxLength(UserWorkflow.MaximumUserNameLength);
        builder.Property(p => p.ListVersionHash).HasMaxLength(64);
        builder.OwnsMany(p => p.Owners, owner =>
        {
            owner.ToJson();
            owner.Property(o => o.Name).HasMaxLength(PartyWorkflow.MaximumNameLength);
            owner.Property(o => o.Country).HasMaxLength(2);
        });
    }
}
