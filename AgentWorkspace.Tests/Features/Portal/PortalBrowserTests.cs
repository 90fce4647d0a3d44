using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentWorkspace.Tests.Features.Portal;

/// <summary>
/// A customer's whole journey in Chromium: they e-mail support, get a numbered confirmation with a link, follow and answer
/// their ticket in the portal (the agent sees the answer live), get the agent's reply by e-mail with a link again, and
/// say it is solved.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalBrowserTests(PortalFixture portal)
{
    [Fact]
    public async Task ACustomerWhoWrites_FollowsAndAnswersTheirTicketInThePortal_AndSaysItIsSolved()
    {
        var address = PortalFixture.NewAddress("vera");
        var first = Mail.From(address, "My export is empty", "Hello, the CSV export of my orders is empty since yesterday.", name: "Vera Quinn");
        await portal.Mail.SendAsync(first);

        // The numbered confirmation carries the link to this ticket.
        var received = (await portal.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address))).Single();
        var number = int.Parse(received.Message.Subject!.Split("[#")[1].TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture);
        received.Text.ShouldContain($"opened ticket #{number}");
        received.Text.ShouldContain($"You can also follow ticket #{number} and answer it online:");
        var link = portal.PathIn(received.Text, $"/help/tickets/{number}?k=");
        received.Html.ShouldContain($"/help/tickets/{number}?k=");

        await using var agent = await portal.NewPageAsync();
        await agent.SignInAsync(DemoAgents.AnaEmail);
        await agent.OpenAsync($"/tickets/{number}");
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("CSV export of my orders is empty");

        await using var customer = await portal.NewPageAsync();
        var page = customer.Page;
        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(new Regex($"/help/tickets/{number}$"));
        await Expect(page.GetByTestId("portal-ticket-subject")).ToHaveTextAsync("My export is empty");
        await Expect(page.GetByTestId("portal-conversation")).ToContainTextAsync("CSV export of my orders is empty");
        await Expect(page.GetByTestId("portal-status")).ToHaveTextAsync("Received");

        await page.GetByLabel("Your message").FillAsync("It happens in Firefox and Chrome alike.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByTestId("portal-notice")).ToHaveTextAsync("Your message was sent.");
        await Expect(page.GetByTestId("portal-message").Last).ToContainTextAsync("It happens in Firefox and Chrome alike.");
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("It happens in Firefox and Chrome alike.");

        await using (var db = await portal.Data.DbAsync())
        {
            var ticketId = db.Tickets.Single(t => t.Number == number).Id;
            var ana = await portal.Data.ScopeAsync(DemoAgents.AnaEmail);
            (await portal.Data.Tickets.AddAgentMessageAsync(ana, ticketId, new AgentMessage("Internal: known bug BUG-77", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
            (await portal.Data.Tickets.AddAgentMessageAsync(ana, ticketId, new AgentMessage("Fixed: please export again.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        }
        var reply = (await portal.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == address) && m.Text.Contains("Fixed: please export again.", StringComparison.Ordinal))).Single();
        reply.Raw.ShouldNotContain("BUG-77");
        var replyLink = portal.PathIn(reply.Text, $"/help/tickets/{number}?k=");

        await page.GotoAsync(replyLink);
        await Expect(page.GetByTestId("portal-message").Last).ToContainTextAsync("Fixed: please export again.");
        await Expect(page.GetByTestId("portal-message").Last).ToContainTextAsync("Ana García");
        await Expect(page.GetByTestId("portal-status")).ToHaveTextAsync("We're working on it");
        await Expect(page.GetByTestId("portal-conversation")).Not.ToContainTextAsync("BUG-77");

        await page.GetByRole(AriaRole.Button, new() { Name = "This is solved" }).ClickAsync();
        await Expect(page.GetByTestId("portal-notice")).ToHaveTextAsync($"Thanks! Ticket #{number} is marked as solved.");
        await Expect(page.GetByTestId("portal-status")).ToHaveTextAsync("Solved");
        await Expect(agent.Page.GetByTestId("timeline")).ToContainTextAsync("The customer marked it solved");
        await using (var db = await portal.Data.DbAsync())
        {
            db.Tickets.Single(t => t.Number == number).Status.ShouldBe(TicketStatus.Resolved);
        }
        customer.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ACustomer_AsksForASignInLink_AndSeesTheirTicketsInSpanish_WithTheKeyboard()
    {
        var customer = await portal.CustomerAsync("marta", language: "es");
        var ticket = await portal.TicketAsync(customer, "No llega la factura");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/help?lang=es");
        await page.GetByTestId("help-my-tickets").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sigue tus tickets" })).ToBeVisibleAsync();
        await page.GetByLabel("Tu correo electrónico").FillAsync(customer.Email);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("portal-link-sent")).ToContainTextAsync("Revisa tu bandeja de entrada");

        await page.GotoAsync(await portal.SignInLinkAsync(customer.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("portal-tickets")).ToContainTextAsync("No llega la factura");
        await Expect(page.GetByTestId("portal-ticket-row").First.GetByTestId("portal-status")).ToHaveTextAsync("Recibido");
        await page.GetByRole(AriaRole.Link, new() { Name = "No llega la factura" }).ClickAsync();
        await Expect(page.GetByTestId("portal-ticket-subject")).ToHaveTextAsync("No llega la factura");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ya está resuelto" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/help/tickets/{ticket.Number}$"));
    }
}
