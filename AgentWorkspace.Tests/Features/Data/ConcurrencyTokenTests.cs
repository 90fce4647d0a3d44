using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Data;

public sealed class ConcurrencyTokenTests
{
    [Fact]
    public async Task TwoAgentsSavingTheSameTicket_TheSecondGetsAConflict_NotASilentOverwrite()
    {
        using var database = new TempDatabase();
        int ticketId;
        await using (var setup = database.CreateContext())
        {
            await setup.Database.MigrateAsync();
            var ticket = NewTicket();
            setup.Tickets.Add(ticket);
            await setup.SaveChangesAsync();
            ticketId = ticket.Id;
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Tickets.SingleAsync(t => t.Id == ticketId);
        var theirs = await second.Tickets.SingleAsync(t => t.Id == ticketId);

        mine.Priority = TicketPriority.Urgent;
        await first.SaveChangesAsync();
        theirs.Status = TicketStatus.OnHold;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        var stored = await check.Tickets.SingleAsync(t => t.Id == ticketId);
        stored.Priority.ShouldBe(TicketPriority.Urgent);
        stored.Status.ShouldBe(TicketStatus.Open);
        stored.Version.ShouldBe(1);
    }

    private static Ticket NewTicket()
    {
        var now = DateTimeOffset.UtcNow;
        return new Ticket
        {
            Number = 1001,
            Subject = "Checkout shows the wrong tax",
            Channel = TicketChannel.Email,
            Customer = new Customer { Name = "Jo Park", Email = "jo@example.com", CreatedAt = now },
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };
    }
}
