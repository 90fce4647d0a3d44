using System.Net;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Portal;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Portal;

/// <summary>
/// Signing in to "my tickets": a one-time link e-mailed (through the real SMTP server) to a known address, or the site's
/// signed identity. The form answers the same for any address, and links are limited per address and per client.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalSignInTests(PortalFixture portal)
{
    private static Dictionary<string, string> Email(string address) => new() { ["Form.Email"] = address };

    [Fact]
    public async Task ASignInLink_OpensMyTickets_InTheCustomersWords_AndWorksOnlyOnce()
    {
        var customer = await portal.CustomerAsync("fay");
        var first = await portal.TicketAsync(customer);
        var second = await portal.TicketAsync(customer);
        var ana = await portal.Data.ScopeAsync(DemoAgents.AnaEmail);
        (await portal.Data.Tickets.AddAgentMessageAsync(ana, second.Id,
            new AgentWorkspace.Features.Tickets.AgentMessage("Which invoice?", AgentWorkspace.Features.Tickets.MessageVisibility.Public,
                StatusAfter: AgentWorkspace.Features.Tickets.TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();
        using var client = portal.NewClient();

        var asked = await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(customer.Email.ToUpperInvariant()));
        asked.Status.ShouldBe(HttpStatusCode.Redirect);
        asked.Location.ShouldBe("/help/tickets?sent=1");
        (await client.GetAsync(asked.Location!)).Has("portal-link-sent").ShouldBeTrue();

        var link = await portal.SignInLinkAsync(customer.Email);
        var confirm = await client.GetAsync(link);
        confirm.Status.ShouldBe(HttpStatusCode.OK);
        confirm.Has("portal-confirm").ShouldBeTrue();
        (await client.GetAsync("/help/tickets")).Has("portal-tickets").ShouldBeFalse("opening the link alone (as a mail scanner does) signs nobody in");

        var token = new Dictionary<string, string> { ["Form.Token"] = PortalClient.HiddenValue(confirm.Html, "Form.Token") };
        var signedIn = await client.PostFormAsync(link, "portal-redeem", token);
        signedIn.Status.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Location.ShouldBe("/help/tickets");
        var mine = await client.GetAsync("/help/tickets");
        mine.Has("portal-tickets").ShouldBeTrue();
        mine.Body.ShouldContain(first.Subject);
        mine.Body.ShouldContain(second.Subject);
        mine.Body.ShouldContain("Received");
        mine.Body.ShouldContain("Waiting for your reply");
        (await client.GetAsync(first.Path)).Body.ShouldContain(first.Subject);

        using var again = portal.NewClient();
        var reused = await again.PostFormAsync(link, "portal-redeem", token);
        reused.Status.ShouldBe(HttpStatusCode.Gone);
        reused.Body.ShouldContain("This sign-in link was already used");
        (await again.GetAsync("/help/tickets")).Has("portal-tickets").ShouldBeFalse();
    }

    [Fact]
    public async Task MyTickets_SpeakSpanish_ToASpanishVisitor()
    {
        var customer = await portal.CustomerAsync("lucia", language: "es");
        var ticket = await portal.TicketAsync(customer, "No puedo pagar");
        using var client = portal.NewClient();
        await client.PostFormAsync("/help/tickets?lang=es", "portal-sign-in", Email(customer.Email), postPath: "/help/tickets");
        var mail = (await portal.Mail.WaitForAsync(m => m.Message.To.Mailboxes.Any(t => t.Address == customer.Email))).Single();
        mail.Message.Subject.ShouldBe("Tu enlace para seguir tus tickets");
        mail.Text.ShouldContain("Sirve una sola vez, durante 30 minutos");
        var link = portal.PathIn(mail.Text, "/help/tickets/sign-in?token=");
        var confirm = await client.GetAsync(link);
        await client.PostFormAsync(link, "portal-redeem", new Dictionary<string, string> { ["Form.Token"] = PortalClient.HiddenValue(confirm.Html, "Form.Token") });
        var mine = await client.GetAsync("/help/tickets");
        mine.Body.ShouldContain("Mis tickets");
        mine.Body.ShouldContain("Recibido");
        (await client.GetAsync(ticket.Path)).Body.ShouldContain("Ya está resuelto");
    }

    [Fact]
    public async Task AskingForALink_AnswersTheSame_ForAKnownAndAnUnknownAddress()
    {
        var customer = await portal.CustomerAsync("gil");
        await portal.TicketAsync(customer);
        var unknown = PortalFixture.NewAddress("nobody");
        using var client = portal.NewClient();

        var known = await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(customer.Email));
        var stranger = await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(unknown));
        stranger.Status.ShouldBe(known.Status);
        stranger.Location.ShouldBe(known.Location);
        stranger.Comparable.Replace(unknown, "(address)", StringComparison.Ordinal).ShouldBe(known.Comparable.Replace(customer.Email, "(address)", StringComparison.Ordinal));

        await portal.SignInLinkAsync(customer.Email);
        (await portal.SignInRequestsAsync(customer.Email)).ShouldBe(1);
        (await portal.SignInRequestsAsync(unknown)).ShouldBe(0, "nothing is stored or sent for an unknown address");
    }

    [Fact]
    public async Task SignInLinks_AreLimitedPerAddress_WhetherOrNotTheAddressIsKnown()
    {
        var customer = await portal.CustomerAsync("hal");
        var unknown = PortalFixture.NewAddress("nobody");
        using var client = portal.NewClient();
        foreach (var address in new[] { customer.Email, unknown })
        {
            for (var i = 0; i < 3; i++)
            {
                (await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(address))).Status.ShouldBe(HttpStatusCode.Redirect);
            }
            var refused = await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(address));
            refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Body.ShouldContain("Too many sign-in links were asked for");
            refused.Html.ShouldContain($"value=\"{address}\"", customMessage: "the typed address stays in the field");
        }
        (await portal.SignInRequestsAsync(customer.Email)).ShouldBe(3);
    }

    [Fact]
    public async Task SignInLinks_AreLimitedPerClient_AcrossAddresses()
    {
        var service = portal.App.Services.GetRequiredService<PortalSignInService>();
        var client = "198.51.100." + Random.Shared.Next(1, 250);
        for (var i = 0; i < 1000; i++)
        {
            (await service.RequestLinkAsync(PortalFixture.NewAddress("x" + i), "en", client)).ShouldBe(SignInRequestOutcome.Accepted);
        }
        (await service.RequestLinkAsync(PortalFixture.NewAddress("one-more"), "en", client)).ShouldBe(SignInRequestOutcome.TooMany);
        (await service.RequestLinkAsync(PortalFixture.NewAddress("elsewhere"), "en", client + "9")).ShouldBe(SignInRequestOutcome.Accepted);
    }

    [Fact]
    public async Task ASignInLink_ExpiresAfterThirtyMinutes()
    {
        var customer = await portal.CustomerAsync("ida");
        using var client = portal.NewClient();
        await client.PostFormAsync("/help/tickets", "portal-sign-in", Email(customer.Email));
        var link = await portal.SignInLinkAsync(customer.Email);
        var confirm = await client.GetAsync(link);
        var token = new Dictionary<string, string> { ["Form.Token"] = PortalClient.HiddenValue(confirm.Html, "Form.Token") };
        using (portal.Clock.Shift(TimeSpan.FromMinutes(31)))
        {
            var expired = await client.PostFormAsync(link, "portal-redeem", token);
            expired.Status.ShouldBe(HttpStatusCode.Gone);
            expired.Body.ShouldContain("This link has expired");
            expired.Has("portal-send-link").ShouldBeTrue();
        }
        (await client.GetAsync("/help/tickets")).Has("portal-tickets").ShouldBeFalse();
    }

    [Fact]
    public async Task AMadeUpSignInToken_IsRefused()
    {
        using var client = portal.NewClient();
        var refused = await client.PostFormAsync("/help/tickets/sign-in?token=aws_made-up", "portal-redeem",
            new Dictionary<string, string> { ["Form.Token"] = "aws_made-up" });
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("This link isn't valid");
    }

    [Fact]
    public async Task TheSitesSignedIdentity_SignsTheCustomerIn_AndAForgedOneDoesNot()
    {
        var externalId = "site-user-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await portal.CustomerAsync("jo", externalId: externalId);
        var ticket = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        var identity = IdentityVerifier.Issue(PortalFixture.IdentitySecret, externalId, customer.Email, "Jo", DateTimeOffset.UtcNow.AddHours(1));

        var forged = await client.PostAsync(PortalServiceExtensions.IdentityPath, "", new Dictionary<string, string> { ["identity"] = identity[..^3] + "AAA" }, null);
        forged.Location.ShouldBe("/help/tickets?identity=failed");
        (await client.GetAsync(forged.Location!)).Has("portal-identity-failed").ShouldBeTrue();

        var signedIn = await client.PostAsync(PortalServiceExtensions.IdentityPath, "", new Dictionary<string, string> { ["identity"] = identity }, null);
        signedIn.Location.ShouldBe("/help/tickets");
        (await client.GetAsync("/help/tickets")).Body.ShouldContain(ticket.Subject);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var customer = await portal.CustomerAsync("kai");
        var ticket = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(ticket));
        (await client.GetAsync(ticket.Path)).Status.ShouldBe(HttpStatusCode.OK);
        var signedOut = await client.PostFormAsync(ticket.Path, "portal-sign-out", postPath: "/help/tickets");
        signedOut.Location.ShouldBe("/help/tickets");
        (await client.GetAsync(ticket.Path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
