using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Tickets;

/// <summary>When an agent last opened a ticket: the inbox marks tickets with activity after that as updated.</summary>
public sealed class TicketRead
{
    public required string AgentId { get; set; }
    public int TicketId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}

internal sealed class TicketReadConfiguration : IEntityTypeConfiguration<TicketRead>
{
    public void Configure(EntityTypeBuilder<TicketRead> read)
    {
        read.HasKey(r => new { r.AgentId, r.TicketId });
        read.HasOne<Agents.Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Cascade);
        read.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
