using System.Net;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Portal;

/// <summary>
/// One ticket's page: only the public conversation (through CustomerView), the customer's reply (the widget's path and
/// text policy, antiforgery-protected, idempotent), "this is solved", and what happens on a closed ticket.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalTicketTests(PortalFixture portal)
{
    private const string Secret = "PORTALSECRETNOTE";

    private static Dictionary<string, string> Body(string text) => new() { ["Reply.Body"] = text };

    [Fact]
    public async Task RandomRepliesNotesEditsAndChanges_ShowEveryPublicMessage_AndNoInternalContent()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var customer = await portal.CustomerAsync("nia");
        var ticket = await portal.TicketAsync(customer);
        var admin = await portal.Data.ScopeAsync(DemoAgents.AdminEmail);
        var rita = await portal.Data.ScopeAsync(DemoAgents.RitaEmail);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        var published = new List<string>();

        for (var i = 0; i < 40; i++)
        {
            var scope = random.Next(2) == 0 ? admin : rita;
            var step = random.Next(6);
            if (step == 0)
            {
                var text = $"Public reply {i} ({seed})";
                (await portal.Data.Tickets.AddAgentMessageAsync(scope, ticket.Id, new AgentMessage(text, MessageVisibility.Public))).Succeeded.ShouldBeTrue();
                published.Add(text);
            }
            else if (step <= 2)
            {
                var note = await portal.Data.Tickets.AddAgentMessageAsync(scope, ticket.Id, new AgentMessage($"{Secret}-{i} @Rita internal only", MessageVisibility.Internal));
                note.Succeeded.ShouldBeTrue();
                if (random.Next(2) == 0)
                {
                    (await portal.Data.Tickets.EditAgentMessageAsync(scope, ticket.Id, note.Message!.Id, $"{Secret}-{i} edited")).Succeeded.ShouldBeTrue();
                }
            }
            else if (step == 3)
            {
                (await portal.Data.Tickets.ExecuteAsync(scope, ticket.Id, new AddTag($"secret-tag-{i}"))).Succeeded.ShouldBeTrue();
            }
            else if (step == 4)
            {
                var current = (await portal.ReadAsync(ticket.Id)).Priority;
                await portal.Data.Tickets.ExecuteAsync(scope, ticket.Id, new SetPriority(current, current == TicketPriority.High ? TicketPriority.Low : TicketPriority.High));
            }
            else
            {
                var text = $"Customer again {i}";
                (await client.PostFormAsync(ticket.Path, "portal-reply", Body(text))).Status.ShouldBe(HttpStatusCode.Redirect);
                published.Add(text);
            }
            var page = await client.GetAsync(ticket.Path);
            page.Status.ShouldBe(HttpStatusCode.OK);
            page.Body.ShouldNotContain(Secret, customMessage: $"seed {seed}, step {i}");
            page.Body.ShouldNotContain("secret-tag", customMessage: $"seed {seed}, step {i}");
            page.Body.ShouldNotContain("Priority", customMessage: $"seed {seed}, step {i}");
            foreach (var text in published)
            {
                page.Body.ShouldContain(text, customMessage: $"seed {seed}, step {i}");
            }
        }
    }

    [Fact]
    public async Task AReply_IsTheCustomersPublicMessage_ReopensAWaitingTicket_AndIsStoredOnceWhenResent()
    {
        var customer = await portal.CustomerAsync("oz");
        var ticket = await portal.TicketAsync(customer);
        var ana = await portal.Data.ScopeAsync(DemoAgents.AnaEmail);
        (await portal.Data.Tickets.AddAgentMessageAsync(ana, ticket.Id,
            new AgentMessage("Which invoice number?", MessageVisibility.Public, StatusAfter: TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        var page = await client.GetAsync(ticket.Path);
        page.Body.ShouldContain("Waiting for your reply");
        page.Body.ShouldContain("Which invoice number?");
        page.Body.ShouldContain("Ana García");

        var form = Body("It is INV-2041.");
        form["Reply.ClientId"] = PortalClient.HiddenValue(page.Html, "Reply.ClientId");
        var token = PortalClient.HiddenValue(page.Html, "__RequestVerificationToken");
        var sent = await client.PostAsync(ticket.Path, "portal-reply", form, token);
        sent.Status.ShouldBe(HttpStatusCode.Redirect);
        sent.Location.ShouldBe($"{ticket.Path}?done=reply#pt-reply-title");
        (await client.PostAsync(ticket.Path, "portal-reply", form, token)).Status.ShouldBe(HttpStatusCode.Redirect, "a resent form");

        var messages = await portal.MessagesAsync(ticket.Id);
        messages.Count(m => m.Body == "It is INV-2041.").ShouldBe(1);
        messages.Last().AuthorKind.ShouldBe(AuthorKind.Customer);
        messages.Last().AuthorCustomerId.ShouldBe(customer.Id);
        messages.Last().Visibility.ShouldBe(MessageVisibility.Public);
        (await portal.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Open);
        (await client.GetAsync(sent.Location!)).Has("portal-notice").ShouldBeTrue();
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        var customer = await portal.CustomerAsync("pam");
        var ticket = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        (await client.PostAsync(ticket.Path, "portal-reply", Body("Forged from another site"), null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync(ticket.Path, "portal-solved", null, null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.MessagesAsync(ticket.Id)).ShouldAllBe(m => m.Body != "Forged from another site");
        (await portal.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Open);
    }

    [Fact]
    public async Task BadText_GetsAClearError_AndTheTextStaysInTheForm()
    {
        var customer = await portal.CustomerAsync("quin");
        var ticket = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        var before = (await portal.MessagesAsync(ticket.Id)).Count;

        var invisible = await client.PostFormAsync(ticket.Path, "portal-reply", Body("\u200B\u200B"));
        invisible.Status.ShouldBe(HttpStatusCode.BadRequest);
        invisible.Body.ShouldContain("Write a message first.");

        var tooLong = new string('a', MessageLimits.MaxBodyLength + 1);
        var refused = await client.PostFormAsync(ticket.Path, "portal-reply", Body(tooLong));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("Your message is 10,001 characters long; the limit is 10,000.");
        refused.Body.ShouldContain(tooLong, customMessage: "nothing typed is lost");

        var script = "<script>alert(1)</script> **bold**";
        (await client.PostFormAsync(ticket.Path, "portal-reply", Body(script))).Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetAsync(ticket.Path);
        page.Html.ShouldNotContain("<script>alert(1)</script>");
        page.Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        page.Html.ShouldContain("<strong>bold</strong>");
        (await portal.MessagesAsync(ticket.Id)).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task ThisIsSolved_ResolvesTheTicketAsTheCustomer_LiveForAgents_WithoutMailingTheCustomer()
    {
        var customer = await portal.CustomerAsync("rae");
        var ticket = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));

        var solved = await client.PostFormAsync(ticket.Path, "portal-solved");
        solved.Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetAsync(solved.Location!);
        page.Body.ShouldContain($"Ticket #{ticket.Number} is marked as solved.");
        page.Body.ShouldContain("Solved");
        page.Has("portal-solved").ShouldBeFalse();

        (await portal.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Resolved);
        await using var db = await portal.Data.DbAsync();
        var change = await db.TicketEvents.Where(e => e.TicketId == ticket.Id && e.Field == "Status").OrderBy(e => e.Id).LastAsync();
        (change.OldValue, change.NewValue, change.Reason).ShouldBe(("Open", "Resolved", TicketService.CustomerSolvedReason));
        (await db.OutboxEmails.CountAsync(o => o.TicketId == ticket.Id)).ShouldBe(0, "no \"your ticket was resolved\" for what the customer did");
    }

    [Fact]
    public async Task OnAClosedTicket_SolvedIsRefused_AndAReplyOpensAFollowUpTheLinkSessionCanOpen()
    {
        var customer = await portal.CustomerAsync("sol");
        var ticket = await portal.TicketAsync(customer);
        var admin = await portal.Data.ScopeAsync(DemoAgents.AdminEmail);
        (await portal.Data.Tickets.ExecuteAsync(admin, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Closed))).Succeeded.ShouldBeTrue();
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        var page = await client.GetAsync(ticket.Path);
        page.Has("portal-closed-note").ShouldBeTrue();
        page.Has("portal-solved").ShouldBeFalse();
        // No "solved" form on a closed ticket: a forged one is refused before anything runs.
        var token = PortalClient.HiddenValue(page.Html, "__RequestVerificationToken");
        (await client.PostAsync(ticket.Path, "portal-solved", null, token)).Status.ShouldBe(HttpStatusCode.BadRequest);

        var replied = await client.PostFormAsync(ticket.Path, "portal-reply", Body("It broke again."));
        replied.Status.ShouldBe(HttpStatusCode.Redirect);
        await using var db = await portal.Data.DbAsync();
        var followUp = await db.Tickets.AsNoTracking().SingleAsync(t => t.FollowUpOfId == ticket.Id);
        replied.Location.ShouldBe($"/help/tickets/{followUp.Number}?done=followup&from={ticket.Number}");
        var opened = await client.GetAsync(replied.Location!);
        opened.Status.ShouldBe(HttpStatusCode.OK);
        opened.Body.ShouldContain("It broke again.");
        opened.Body.ShouldContain($"Ticket #{ticket.Number} was closed, so we opened this follow-up ticket with your message.");
        (await portal.ReadAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Closed);
    }
}
