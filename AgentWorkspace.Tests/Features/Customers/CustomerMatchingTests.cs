using AgentWorkspace.Features.Api;
using AgentWorkspace.Features.Customers;
using AgentWorkspace.Features.Email;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AgentWorkspace.Tests.Features.Customers;

/// <summary>Channels that match customers by e-mail find them by any of their addresses, not only the primary one.</summary>
[Collection(CustomerCollection.Name)]
public sealed class CustomerMatchingTests(WorkspaceAppFactory app)
{
    private readonly CustomerWorld world = new(app.Services);

    [Fact]
    public async Task AnEmailFromAFurtherAddress_OpensItsTicketForThatCustomer_AndItsReplyThreadsThere()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("mail");
        var id = await world.CreateCustomerAsync(ana, $"Mailer {tag}", $"main.{tag}@example.com");
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Email, $"Work.{tag}@Example.com")).Succeeded.ShouldBeTrue();
        var ingest = app.Services.GetRequiredService<MailIngest>();
        var mailbox = new MailboxOptions { Name = "support", Address = "support@nimbus.test" };

        (await ingest.IngestAsync(Mail($"work.{tag}@example.com", "Where is my order?", $"first.{tag}@mail.example"), mailbox)).ShouldBe(IngestOutcome.Stored);
        await using var db = await world.DbAsync();
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Subject == "Where is my order?" && t.CustomerId == id).SingleAsync();

        (await ingest.IngestAsync(Mail($"WORK.{tag}@example.com", $"Re: [#{ticket.Number}] Where is my order?", $"second.{tag}@mail.example"), mailbox))
            .ShouldBe(IngestOutcome.Stored);

        (await db.Messages.CountAsync(m => m.TicketId == ticket.Id && m.AuthorCustomerId == id)).ShouldBe(2);
        (await db.Customers.CountAsync(c => c.Name.Contains(tag))).ShouldBe(1);
    }

    [Fact]
    public async Task TheApi_FindsACustomerByAFurtherAddress()
    {
        var ana = await world.ScopeAsync(DemoAgents.AnaEmail);
        var tag = CustomerWorld.Unique("api");
        var id = await world.CreateCustomerAsync(ana, $"Api {tag}", $"main.{tag}@example.com");
        (await world.Customers.AddContactAsync(ana, id, ContactKind.Email, $"other.{tag}@example.com")).Succeeded.ShouldBeTrue();

        (await app.Services.GetRequiredService<ApiTicketStore>().FindOrCreateCustomerAsync($"Other.{tag}@example.com", null, "en")).ShouldBe(id);
    }

    private static MimeMessage Mail(string from, string subject, string messageId)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId, Body = new TextPart("plain") { Text = "Hello, any news?" } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@nimbus.test"));
        return message;
    }
}
