using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>What customers receive by e-mail, in their language: the confirmation, agents' replies (threaded), status news.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailNotificationTests(EmailFixture email)
{
    private static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    private Task<IReadOnlyList<ReceivedMail>> MailToAsync(string address, Func<ReceivedMail, bool> match, int count = 1) =>
        email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address) && match(m), count);

    [Fact]
    public async Task AnEnglishCustomer_GetsTheConfirmation_TheAgentsReplyThreaded_AndNeverANote()
    {
        var address = NewAddress("kim");
        var first = Mail.From(address, "Export my orders", "Hello, how can I export my orders to a spreadsheet?");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);
        (await MailToAsync(address, m => m.Message.Subject!.StartsWith("We received your request: Export my orders", StringComparison.Ordinal))).Single()
            .Text.ShouldContain($"opened ticket #{ticket.Number}");

        var ana = await email.Data.ScopeAsync(DemoAgents.AnaEmail);
        (await email.Data.Tickets.AddAgentMessageAsync(ana, ticket.TicketId, new AgentMessage("Internal: customer is on the old plan", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        (await email.Data.Tickets.AddAgentMessageAsync(ana, ticket.TicketId,
            new AgentMessage("Go to **Orders → Export** and pick CSV.", MessageVisibility.Public, StatusAfter: TicketStatus.Resolved))).Succeeded.ShouldBeTrue();

        var reply = (await MailToAsync(address, m => m.Message.Subject == $"Re: Export my orders [#{ticket.Number}]")).Single();
        reply.Text.ShouldContain("Ana García from our support team wrote:");
        reply.Text.ShouldContain("Go to **Orders → Export** and pick CSV.");
        reply.Text.ShouldContain($"We've marked ticket #{ticket.Number} as resolved");
        reply.Html.ShouldContain("<strong>Orders → Export</strong>");
        reply.Message.InReplyTo.ShouldBe(first.MessageId);
        reply.Message.References.ShouldContain(first.MessageId);
        reply.Message.Headers.Contains("Auto-Submitted").ShouldBeFalse();

        var all = await email.Mail.ReadAsync();
        all.Where(m => m.Message.To.Mailboxes.Any(t => t.Address == address)).ShouldAllBe(m => !m.Raw.Contains("old plan"));
        (await email.OutboxAsync(ticket.TicketId)).Select(o => o.Kind).ShouldBe([CustomerMailKind.Received, CustomerMailKind.Reply]);
    }

    [Fact]
    public async Task ASpanishCustomer_IsWrittenToInSpanish_ForEveryEvent()
    {
        var address = NewAddress("lucia");
        var first = Mail.From(address, "No puedo descargar la factura", "Hola, no puedo descargar la factura de noviembre. ¿Me podéis ayudar, por favor?");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);
        (await MailToAsync(address, m => m.Message.Subject!.StartsWith("Hemos recibido tu solicitud", StringComparison.Ordinal))).Single()
            .Text.ShouldContain($"Hemos recibido tu solicitud y abierto el ticket #{ticket.Number}");

        var admin = await email.Data.ScopeAsync(DemoAgents.AdminEmail);
        (await email.Data.Tickets.ExecuteAsync(admin, ticket.TicketId, new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();
        (await MailToAsync(address, m => m.Message.Subject!.StartsWith("Esperamos tu respuesta", StringComparison.Ordinal))).Single()
            .Text.ShouldContain($"Necesitamos tu respuesta para continuar con el ticket #{ticket.Number}");

        (await email.Data.Tickets.ExecuteAsync(admin, ticket.TicketId, new SetStatus(TicketStatus.WaitingOnCustomer, TicketStatus.Resolved))).Succeeded.ShouldBeTrue();
        var resolved = (await MailToAsync(address, m => m.Message.Subject!.StartsWith("Tu solicitud está resuelta", StringComparison.Ordinal))).Single();
        resolved.Text.ShouldContain("Hola, lucia");
        resolved.Text.ShouldContain("Estado: Resuelto");
    }

    [Fact]
    public async Task AnOfflineWidgetMessage_IsConfirmedByEmail_AndAnsweredByEmail()
    {
        var address = NewAddress("nora");
        var chat = email.App.Services.GetRequiredService<ChatService>();
        var started = await chat.StartAsync(new ChatStart("Nora", address, "Nobody is online: can you change my plan?", "en", Guid.NewGuid().ToString("N")), offline: true);
        started.Value.ShouldNotBeNull();
        var number = started.Value.Conversation.Ticket.Number;
        (await MailToAsync(address, m => m.Message.Subject!.Contains($"[#{number}]"))).Single().Text.ShouldContain($"opened ticket #{number}");

        await using var db = await email.Data.DbAsync();
        var ticketId = db.Tickets.Single(t => t.Number == number).Id;
        var rita = await email.Data.ScopeAsync(DemoAgents.RitaEmail);
        (await email.Data.Tickets.AddAgentMessageAsync(rita, ticketId, new AgentMessage("Sure, done: you are on the yearly plan now.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        (await MailToAsync(address, m => m.Text.Contains("yearly plan"))).Single().Message.Subject.ShouldBe($"Re: Offline message: Nobody is online: can you change my plan? [#{number}]");
    }
}
