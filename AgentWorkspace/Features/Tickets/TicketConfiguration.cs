using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentWorkspace.Features.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasIndex(t => t.Number).IsUnique();
        ticket.Property(t => t.Subject).HasMaxLength(300);
        ticket.Property(t => t.Category).HasMaxLength(100);
        ticket.Property(t => t.Language).HasMaxLength(8);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.Ignore(t => t.Reference);

        ticket.HasOne(t => t.Customer).WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasMany(t => t.Followers).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.HasOne<Ticket>().WithMany().HasForeignKey(t => t.FollowUpOfId).OnDelete(DeleteBehavior.SetNull);

        ticket.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.HasMany(t => t.Messages).WithOne(m => m.Ticket).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);

        // The inbox lists by status family (open / done, partial indexes below) and last activity; there is
        // deliberately no plain (Status, ...) index: SQLite's planner preferred it, plus a sort of every open
        // ticket, over walking the partial index already in the requested order.
        ticket.HasIndex(t => new { t.AssigneeId, t.Status, t.LastActivityAt });
        ticket.HasIndex(t => new { t.TeamId, t.Status, t.LastActivityAt });
        ticket.HasIndex(t => t.CustomerId);
        ticket.HasIndex(t => new { t.Priority, t.LastActivityAt, t.Id });
        ticket.HasIndex(t => new { t.CreatedAt, t.Id });
        ticket.HasIndex(t => new { t.WaitingSince, t.Id });
        // The live dashboard counts today's resolutions by ResolvedAt: without an index that is a read of every ticket
        // on each burst of changes (52 ms at 100k tickets, growing with the table).
        ticket.HasIndex(t => t.ResolvedAt);

        // Partial indexes in last-activity order for the two big view families. The filters must read exactly
        // like the status lists InboxQuery inlines (EF.Constant), or SQLite will not use them. InboxPlan names the
        // index each list walks (INDEXED BY), so the planner's statistics cannot pick another one at some size.
        // The last-activity ones also carry every column the inbox filters on, so a filtered view rejects rows
        // from the index alone and only reads the rows (and their tags) that pass.
        const string open = "\"Status\" IN ('Open', 'InProgress', 'WaitingOnCustomer', 'OnHold')";
        // OwnerId is part of the visibility rule (AgentScope), so it is carried too: an agent's list still rejects other
        // teams' tickets from the index alone.
        ticket.HasIndex(t => new { t.LastActivityAt, t.Id, t.Status, t.Priority, t.Channel, t.TeamId, t.AssigneeId, t.OwnerId }, "IX_Tickets_Open_LastActivity")
            .HasFilter(open);
        ticket.HasIndex(t => new { t.LastActivityAt, t.Id, t.Status, t.Priority, t.Channel, t.TeamId, t.AssigneeId, t.OwnerId }, "IX_Tickets_Done_LastActivity")
            .HasFilter("\"Status\" IN ('Resolved', 'Closed')");
        ticket.HasIndex(t => new { t.Priority, t.LastActivityAt, t.Id }, "IX_Tickets_Open_Priority").HasFilter(open);
        ticket.HasIndex(t => new { t.CreatedAt, t.Id }, "IX_Tickets_Open_Created").HasFilter(open);
        // Narrow open views (one assignee or none, one team, one status) in their own last-activity order:
        // their first page costs the same whether the view holds ten tickets or half the open ones.
        ticket.HasIndex(t => new { t.AssigneeId, t.LastActivityAt, t.Id }, "IX_Tickets_Open_Assignee").HasFilter(open);
        ticket.HasIndex(t => new { t.TeamId, t.LastActivityAt, t.Id }, "IX_Tickets_Open_Team").HasFilter(open);
        ticket.HasIndex(t => new { t.OwnerId, t.LastActivityAt, t.Id }, "IX_Tickets_Open_Owner").HasFilter(open);
        ticket.HasIndex(t => new { t.Status, t.LastActivityAt, t.Id }, "IX_Tickets_Open_Status").HasFilter(open);
        // SLA order and the "breaching soon" range, both kept on the ticket by the SLA engine.
        ticket.HasIndex(t => new { t.SlaDueKey, t.Id }, "IX_Tickets_Open_SlaDue").HasFilter(open);
        ticket.HasIndex(t => t.SlaAttentionAt, "IX_Tickets_Open_SlaAttention").HasFilter(open);
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> tag)
    {
        tag.HasKey(t => new { t.TicketId, t.Tag });
        tag.Property(t => t.Tag).HasMaxLength(50);
        tag.HasIndex(t => new { t.Tag, t.TicketId });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.HasIndex(m => new { m.TicketId, m.Seq }).IsUnique();
        message.HasIndex(m => new { m.TicketId, m.ClientMessageId }).IsUnique().HasFilter("ClientMessageId IS NOT NULL");
        message.Property(m => m.ClientMessageId).HasMaxLength(64);
        message.HasOne(m => m.AuthorAgent).WithMany().HasForeignKey(m => m.AuthorAgentId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne(m => m.AuthorCustomer).WithMany().HasForeignKey(m => m.AuthorCustomerId).OnDelete(DeleteBehavior.Restrict);
        message.Ignore(m => m.IsInternal);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> ticketEvent)
    {
        ticketEvent.HasIndex(e => new { e.TicketId, e.CreatedAt });
        ticketEvent.Property(e => e.Field).HasMaxLength(40);
        ticketEvent.Property(e => e.OldValue).HasMaxLength(300);
        ticketEvent.Property(e => e.NewValue).HasMaxLength(300);
        ticketEvent.Property(e => e.Reason).HasMaxLength(1000);
        ticketEvent.HasOne(e => e.ActorAgent).WithMany().HasForeignKey(e => e.ActorAgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketFollowerConfiguration : IEntityTypeConfiguration<TicketFollower>
{
    public void Configure(EntityTypeBuilder<TicketFollower> follower)
    {
        follower.HasKey(f => new { f.TicketId, f.AgentId });
        // The visibility rule asks "does this agent follow this ticket" per ticket: the primary key answers it.
        follower.HasIndex(f => new { f.AgentId, f.TicketId });
        follower.HasOne(f => f.Agent).WithMany().HasForeignKey(f => f.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
