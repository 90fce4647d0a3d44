using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Notifications;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Realtime;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>What the real ticket service queues for e-mail (a SQLite file, no mail server): which changes, and each event's switch.</summary>
public sealed class EmailOutboxTests : IDisposable
{
    private readonly TempDatabase database = new();
    private ServiceProvider? provider;

    private (ServiceProvider Services, AgentScope Scope, int TicketId) Start(Action<NotificationEvents>? events = null, TicketChannel channel = TicketChannel.Email)
    {
        var services = database.AddDbContextFactory(new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<WorkspaceNotifier>()
            .AddSingleton<NotificationCenter>()
            .AddSingleton<TicketService>()
            .AddSingleton<EmailOutbox>()
            .AddSingleton<ICustomerUpdates>(sp => sp.GetRequiredService<EmailOutbox>())
            .Configure<EmailOptions>(o => events?.Invoke(o.Notifications))
            .BuildServiceProvider();
        provider = services;
        using var db = database.CreateContext();
        db.Database.Migrate();
        var agent = new Agent { Id = Guid.NewGuid().ToString(), UserName = "a@nimbus.test", Email = "a@nimbus.test", DisplayName = "Ana" };
        db.Users.Add(agent);
        var ticket = new Ticket { Number = 77, Subject = "Help", Channel = channel, Customer = new Customer { Name = "Ola", Email = "ola@customer.example" } };
        db.Tickets.Add(ticket);
        db.SaveChanges();
        return (services, new AgentScope(agent.Id, true, []), ticket.Id);
    }

    private async Task<List<(CustomerMailKind Kind, TicketStatus? Status)>> QueuedAsync()
    {
        await using var db = database.CreateContext();
        return (await db.OutboxEmails.OrderBy(o => o.Id).Select(o => new { o.Kind, o.Status }).ToListAsync()).Select(o => (o.Kind, o.Status)).ToList();
    }

    [Fact]
    public async Task AReplyIsOneEmail_TellingTheStatusItLeft_NotesAndOtherChangesAreNone()
    {
        var (services, scope, ticketId) = Start();
        var tickets = services.GetRequiredService<TicketService>();

        await tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage("note", MessageVisibility.Internal));
        await tickets.ExecuteAsync(scope, ticketId, [new SetPriority(TicketPriority.Normal, TicketPriority.High), new AddTag("vip")]);
        await tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage("Try now", MessageVisibility.Public, StatusAfter: TicketStatus.WaitingOnCustomer));
        await tickets.ExecuteAsync(scope, ticketId, new SetStatus(TicketStatus.WaitingOnCustomer, TicketStatus.OnHold));
        await tickets.ExecuteAsync(scope, ticketId, new SetStatus(TicketStatus.OnHold, TicketStatus.Resolved));

        (await QueuedAsync()).ShouldBe([(CustomerMailKind.Reply, TicketStatus.WaitingOnCustomer), (CustomerMailKind.Resolved, TicketStatus.Resolved)]);
        await using var db = database.CreateContext();
        (await db.EmailMessages.CountAsync(e => e.Direction == EmailDirection.Outbound)).ShouldBe(2);
    }

    [Fact]
    public async Task EachEvent_CanBeTurnedOff()
    {
        var (services, scope, ticketId) = Start(events => { events.AgentReplied = false; events.Resolved = false; });
        var tickets = services.GetRequiredService<TicketService>();

        await tickets.AddAgentMessageAsync(scope, ticketId, new AgentMessage("Try now", MessageVisibility.Public));
        await tickets.ExecuteAsync(scope, ticketId, new SetStatus(TicketStatus.InProgress, TicketStatus.Resolved));
        (await QueuedAsync()).ShouldBeEmpty();

        await tickets.ExecuteAsync(scope, ticketId, new SetStatus(TicketStatus.Resolved, TicketStatus.WaitingOnCustomer));
        (await QueuedAsync()).ShouldBe([(CustomerMailKind.WaitingOnCustomer, TicketStatus.WaitingOnCustomer)]);
    }

    [Fact]
    public async Task ALiveChatTicket_GetsNoEmail()
    {
        var (services, scope, ticketId) = Start(channel: TicketChannel.Chat);
        await services.GetRequiredService<TicketService>().AddAgentMessageAsync(scope, ticketId, new AgentMessage("Hi", MessageVisibility.Public, StatusAfter: TicketStatus.Resolved));
        (await QueuedAsync()).ShouldBeEmpty();
    }

    public void Dispose()
    {
        provider?.Dispose();
        database.Dispose();
    }
}
