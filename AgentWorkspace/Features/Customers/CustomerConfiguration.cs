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
        customer.Property(c => c.Notes).HasMaxLength(CustomerService.MaxNotesLength);
        customer.HasIndex(c => c.NormalizedEmail);
        customer.HasIndex(c => c.ExternalId).IsUnique().HasFilter("ExternalId IS NOT NULL");
        customer.HasOne<Customer>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        customer.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> contact)
    {
        contact.Property(c => c.Value).HasMaxLength(320);
        contact.Property(c => c.Normalized).HasMaxLength(320);
        // Matching an address (mail ingest, the widget) and the uniqueness check read this index.
        contact.HasIndex(c => new { c.Kind, c.Normalized });
        contact.HasIndex(c => new { c.CustomerId, c.Kind, c.Normalized }).IsUnique();
    }
}

internal sealed class CustomerEventConfiguration : IEntityTypeConfiguration<CustomerEvent>
{
    public void Configure(EntityTypeBuilder<CustomerEvent> customerEvent)
    {
        customerEvent.HasIndex(e => new { e.CustomerId, e.CreatedAt });
        customerEvent.Property(e => e.Field).HasMaxLength(40);
        customerEvent.Property(e => e.OldValue).HasMaxLength(CustomerEvent.MaxValueLength);
        customerEvent.Property(e => e.NewValue).HasMaxLength(CustomerEvent.MaxValueLength);
        customerEvent.HasOne(e => e.ActorAgent).WithMany().HasForeignKey(e => e.ActorAgentId).OnDelete(DeleteBehavior.Restrict);
        customerEvent.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
