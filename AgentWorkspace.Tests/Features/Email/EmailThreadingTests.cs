using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>
/// Customers' e-mails through a real mail server: delivered over SMTP to the support mailbox, read by the app over IMAP,
/// threaded into tickets. Each test writes from its own fresh addresses, so tests never see each other's tickets.
/// </summary>
[Collection(EmailCollection.Name)]
public sealed class EmailThreadingTests(EmailFixture email)
{
    private static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    [Fact]
    public async Task ANewEmail_OpensAnEmailTicketForItsSender_InTheMailboxTeam_AndIsConfirmedWithTheNumber()
    {
        var address = NewAddress("dana");
        var first = Mail.From(address, "My payout is late", "Hello, my payout from last week has not arrived.", name: "Dana Cruz");
        await email.Mail.SendAsync(first);

        var stored = await email.WaitForStoredAsync(first.MessageId);
        await using var db = await email.Data.DbAsync();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Customer).Include(t => t.Team).SingleAsync(t => t.Id == stored.TicketId);
        ticket.Channel.ShouldBe(TicketChannel.Email);
        ticket.Subject.ShouldBe("My payout is late");
        ticket.Team!.Name.ShouldBe(EmailFixture.Team);
        ticket.Customer.Email.ShouldBe(address);
        ticket.Customer.Name.ShouldBe("Dana Cruz");
        stored.Body.ShouldBe("Hello, my payout from last week has not arrived.");

        var confirmation = (await email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address))).Single();
        confirmation.Message.Subject!.ShouldContain($"[#{ticket.Number}]");
        confirmation.Text.ShouldContain($"#{ticket.Number}");
        confirmation.Message.InReplyTo.ShouldBe(first.MessageId);
        confirmation.Message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        confirmation.Message.From.Mailboxes.Single().Address.ShouldBe(MailServer.SupportAddress);

        // Stored through the ticket service like any message: the inbox's full-text search finds it.
        var admin = await email.Data.ScopeAsync(DemoAgents.AdminEmail);
        var found = await email.App.Services.GetRequiredService<InboxQuery>().ListAsync(admin, new InboxFilter { Search = "payout arrived" });
        found.Rows.Select(r => r.Number).ShouldContain(ticket.Number);
    }

    [Fact]
    public async Task Replies_JoinTheirTicketByTheirHeaders_WhateverTheirSubject_IncludingRepliesToOurEmails()
    {
        var address = NewAddress("eli");
        var first = Mail.From(address, "Cannot connect my domain", "The DNS check keeps failing.");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);

        var reply = Mail.ReplyTo(first, address, "Also, the www record is set.", subject: "something completely different");
        await email.Mail.SendAsync(reply);
        (await email.WaitForStoredAsync(reply.MessageId)).TicketId.ShouldBe(ticket.TicketId);

        // Answering our confirmation: its Message-ID is ours, In-Reply-To names it.
        var confirmation = (await email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address))).Single();
        var answer = Mail.ReplyTo(confirmation.Message, address, "Any news?", subject: "no number here");
        await email.Mail.SendAsync(answer);
        (await email.WaitForStoredAsync(answer.MessageId)).TicketId.ShouldBe(ticket.TicketId);

        await using var db = await email.Data.DbAsync();
        (await db.Messages.CountAsync(m => m.TicketId == ticket.TicketId && m.AuthorKind == AuthorKind.Customer)).ShouldBe(3);
        (await db.Tickets.CountAsync(t => t.Customer.Email == address)).ShouldBe(1);
    }

    [Fact]
    public async Task TheTicketNumberInASubject_IsOnlyAFallback_AndOnlyFromThatTicketsOwnCustomer()
    {
        var owner = NewAddress("fay");
        var first = Mail.From(owner, "Invoice address wrong", "Please fix the address on my invoice.");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);

        // No thread headers (a new message typed by hand), the number in the subject, from the owner: joins.
        var byNumber = Mail.From(owner, $"About [#{ticket.Number}] again", "Here is the right address.");
        await email.Mail.SendAsync(byNumber);
        (await email.WaitForStoredAsync(byNumber.MessageId)).TicketId.ShouldBe(ticket.TicketId);

        // Someone else quoting that number: their own ticket, nothing added to Fay's.
        var stranger = NewAddress("mallory");
        var foreign = Mail.From(stranger, $"Re: [#{ticket.Number}] Invoice address wrong", "Change the address to mine.");
        await email.Mail.SendAsync(foreign);
        var strangers = await email.WaitForStoredAsync(foreign.MessageId);
        strangers.TicketId.ShouldNotBe(ticket.TicketId);

        // Even with the right thread headers, another sender does not join the thread.
        var headers = Mail.ReplyTo(first, stranger, "I am replying to Fay's e-mail.");
        await email.Mail.SendAsync(headers);
        (await email.WaitForStoredAsync(headers.MessageId)).TicketId.ShouldNotBe(ticket.TicketId);

        await using var db = await email.Data.DbAsync();
        (await db.Messages.Where(m => m.TicketId == ticket.TicketId).Select(m => m.Body).ToListAsync())
            .ShouldNotContain(b => b.Contains("mine") || b.Contains("Fay's"));
        (await db.Tickets.AsNoTracking().Include(t => t.Customer).SingleAsync(t => t.Id == strangers.TicketId)).Customer.Email.ShouldBe(stranger);
    }

    [Fact]
    public async Task AReplyToAClosedTicket_OpensAFollowUp_AndTheNextReplyGoesOnThere()
    {
        var address = NewAddress("gus");
        var first = Mail.From(address, "Refund please", "I was charged twice.");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);
        var admin = await email.Data.ScopeAsync(DemoAgents.AdminEmail);
        (await email.Data.Tickets.ExecuteAsync(admin, ticket.TicketId, new SetStatus(TicketStatus.Open, TicketStatus.Closed))).Succeeded.ShouldBeTrue();

        var reply = Mail.ReplyTo(first, address, "It happened again this month.");
        await email.Mail.SendAsync(reply);
        var followUp = await email.WaitForStoredAsync(reply.MessageId);
        followUp.TicketId.ShouldNotBe(ticket.TicketId);

        var again = Mail.ReplyTo(first, address, "And a third time.");
        await email.Mail.SendAsync(again);
        (await email.WaitForStoredAsync(again.MessageId)).TicketId.ShouldBe(followUp.TicketId);

        await using var db = await email.Data.DbAsync();
        var created = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == followUp.TicketId);
        created.FollowUpOfId.ShouldBe(ticket.TicketId);
        created.Channel.ShouldBe(TicketChannel.Email);
        (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.TicketId)).Status.ShouldBe(TicketStatus.Closed);
    }

    [Fact]
    public async Task Newsletters_WithTheSameSubject_AreNeverMergedIntoOneTicket_NorAnswered()
    {
        var sender = NewAddress("news");
        var tickets = new List<int>();
        foreach (var week in new[] { "one", "two" })
        {
            var newsletter = Mail.From(sender, "Weekly deals", $"This week's deals, week {week}.");
            newsletter.Headers.Add("List-Id", "Deals <deals.shop.example>");
            newsletter.Headers.Add(HeaderId.Precedence, "bulk");
            await email.Mail.SendAsync(newsletter);
            var stored = await email.WaitForStoredAsync(newsletter.MessageId);
            stored.Kind.ShouldBe(MailKind.Bulk);
            tickets.Add(stored.TicketId);
        }
        tickets.Distinct().Count().ShouldBe(2);
        foreach (var id in tickets)
        {
            (await email.OutboxAsync(id)).ShouldBeEmpty();
        }
    }
}
