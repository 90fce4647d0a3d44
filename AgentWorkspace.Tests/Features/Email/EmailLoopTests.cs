using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AgentWorkspace.Tests.Features.Email;

/// <summary>Automatic mail (auto-replies, bounces, our own e-mails coming back) is kept but never answered: no mail loops.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailLoopTests(EmailFixture email)
{
    private static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@customer.example";

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("Precedence", "auto_reply")]
    public async Task AnAutomaticEmail_OpensATicket_ButIsNeverAnswered(string header, string value)
    {
        var message = Mail.From(NewAddress("ooo"), "Out of office", "I am away until Monday.");
        message.Headers.Add(header, value);
        await email.Mail.SendAsync(message);

        var stored = await email.WaitForStoredAsync(message.MessageId);
        stored.Kind.ShouldBe(MailKind.AutoReply);
        (await email.OutboxAsync(stored.TicketId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOutOfOfficeAnswerToOurReply_IsANoteForAgents_ThatNeitherReopensTheTicketNorIsAnswered()
    {
        var address = NewAddress("jo");
        var first = Mail.From(address, "Shipping labels", "Labels print blank.");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);
        var admin = await email.Data.ScopeAsync(DemoAgents.AdminEmail);
        (await email.Data.Tickets.AddAgentMessageAsync(admin, ticket.TicketId,
            new AgentMessage("Which printer do you use?", MessageVisibility.Public, StatusAfter: TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();
        var ourReply = (await email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address) && m.Text.Contains("Which printer"))).Single();
        var queued = (await email.OutboxAsync(ticket.TicketId)).Count;

        var away = Mail.ReplyTo(ourReply.Message, address, "I am on holiday until the 10th.", subject: "Automatic reply: Shipping labels");
        away.Headers.Add("Auto-Submitted", "auto-replied");
        await email.Mail.SendAsync(away);
        var stored = await email.WaitForStoredAsync(away.MessageId);

        stored.TicketId.ShouldBe(ticket.TicketId);
        stored.Visibility.ShouldBe(MessageVisibility.Internal);
        (await email.Data.ReadAsync(ticket.TicketId)).Status.ShouldBe(TicketStatus.WaitingOnCustomer);
        (await email.OutboxAsync(ticket.TicketId)).Count.ShouldBe(queued);
    }

    [Fact]
    public async Task ASenderWithoutAutomaticHeaders_GetsAtMostThreeConfirmationsAnHour_SoTwoAutoRespondersCannotPingPong()
    {
        var robot = NewAddress("robot");
        var tickets = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var message = Mail.From(robot, $"Thank you for your message {i}", "We have received your e-mail and will answer soon.");
            await email.Mail.SendAsync(message);
            tickets.Add((await email.WaitForStoredAsync(message.MessageId)).TicketId);
        }
        var confirmations = 0;
        foreach (var id in tickets)
        {
            confirmations += (await email.OutboxAsync(id)).Count(o => o.Kind == CustomerMailKind.Received);
        }
        confirmations.ShouldBe(3);
    }

    [Fact]
    public async Task MailFromOurOwnAddress_OrCarryingOurHeader_IsNeverTakenForACustomers()
    {
        var fromUs = Mail.From(MailServer.SupportAddress, "Loop from our address", "This came from the support address itself.");
        var withHeader = Mail.From(NewAddress("relay"), "Loop with our header", "Forwarded back by a relay.");
        withHeader.Headers.Add(InboundMail.OwnHeader, "1234");
        await email.Mail.SendAsync(fromUs);
        await email.Mail.SendAsync(withHeader);
        // Mail is read in order: once a later message is stored, the reader has been past the two.
        var later = Mail.From(NewAddress("later"), "After the loops", "Sentinel.");
        await email.Mail.SendAsync(later);
        await email.WaitForStoredAsync(later.MessageId);

        await using var db = await email.Data.DbAsync();
        (await db.EmailMessages.CountAsync(e => e.InternetMessageId == fromUs.MessageId || e.InternetMessageId == withHeader.MessageId)).ShouldBe(0);
        (await db.Messages.CountAsync(m => m.Body.Contains("support address itself") || m.Body.Contains("Forwarded back by a relay"))).ShouldBe(0);
        var seen = (await email.Mail.ReadAsync("support")).Where(m => m.Message.MessageId == fromUs.MessageId || m.Message.MessageId == withHeader.MessageId).ToList();
        seen.Count.ShouldBe(2);
        seen.ShouldAllBe(m => m.Seen);
    }

    [Fact]
    public async Task ABounceOfOurEmail_MarksItBounced_AndTellsAgents_WithoutATicketOrAnAnswer()
    {
        var address = NewAddress("gone");
        var first = Mail.From(address, "Please call me", "Call me back please.");
        await email.Mail.SendAsync(first);
        var ticket = await email.WaitForStoredAsync(first.MessageId);
        var confirmation = (await email.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address))).Single();

        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = $"Delivery to {address} failed: mailbox unavailable." });
        report.Add(new MessageDeliveryStatus());
        report.Add(new MessagePart { Message = confirmation.Message });
        var bounce = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mx.customer.example"), Body = report };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.customer.example"));
        bounce.To.Add(MailboxAddress.Parse(MailServer.SupportAddress));
        await email.Mail.SendAsync(bounce);

        var stored = await email.WaitForStoredAsync(bounce.MessageId);
        stored.TicketId.ShouldBe(ticket.TicketId);
        stored.Kind.ShouldBe(MailKind.Bounce);
        stored.Visibility.ShouldBe(MessageVisibility.Internal);
        stored.Body.ShouldNotBeNull();
        stored.Body.ShouldContain("could not be delivered");
        var outbox = await email.OutboxAsync(ticket.TicketId);
        outbox.Single().State.ShouldBe(OutboxStatus.Bounced);
        await using var db = await email.Data.DbAsync();
        (await db.Tickets.CountAsync(t => t.Customer.Email!.StartsWith("MAILER-DAEMON"))).ShouldBe(0);
    }
}
