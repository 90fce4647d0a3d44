using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.Property(c => c.Name).HasMaxLength(200);
        customer.Property(c => c.Email).HasMaxLength(320);
        customer.Property(c => c.NormalizedEmail).HasMaxLength(320);
        customer.Property(c => c.Phone).HasMaxLength(40);
        customer.Property(c => c.Company).HasMaxLength(200);
        customer.Property(c => c.Language).HasMaxLength(8);
        customer.Property(c => c.ExternalId).HasMaxLength(200);
        customer.HasIndex(c => c.NormalizedEmail);
        customer.HasIndex(c => c.ExternalId).IsUnique().HasFilter("ExternalId IS NOT NULL");
    }
}
