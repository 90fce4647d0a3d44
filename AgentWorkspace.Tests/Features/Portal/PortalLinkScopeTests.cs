using System.Net;
using AgentWorkspace.Features.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentWorkspace.Tests.Features.Portal;

/// <summary>
/// What the link in a notification e-mail opens: that one ticket (read, reply, solved), for a limited time, and nothing
/// else; and what a ticket number alone opens: nothing, told the same way whether the number exists or not.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalLinkScopeTests(PortalFixture portal)
{
    [Fact]
    public async Task ATicketLink_OpensThatTicket_ButNeitherAnotherTicketOfTheSameCustomer_NorMyTickets()
    {
        var customer = await portal.CustomerAsync("ada");
        var a = await portal.TicketAsync(customer);
        var b = await portal.TicketAsync(customer);
        using var client = portal.NewClient();

        var opened = await client.GetAsync(portal.LinkPath(a));
        opened.Status.ShouldBe(HttpStatusCode.Redirect);
        opened.Location.ShouldBe(a.Path, "the key leaves the address bar");
        opened.SetCookies.ShouldContain(c => c.StartsWith(PortalSession.CookieName, StringComparison.Ordinal) && c.Contains("path=/help", StringComparison.OrdinalIgnoreCase)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        var page = await client.GetAsync(a.Path);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Body.ShouldContain(a.Subject);
        page.Has("portal-reply").ShouldBeTrue();
        page.Has("portal-solved").ShouldBeTrue();

        var other = await client.GetAsync(b.Path);
        other.Status.ShouldBe(HttpStatusCode.NotFound);
        other.Body.ShouldNotContain(b.Subject);
        other.Has("portal-ticket-unavailable").ShouldBeTrue();

        var mine = await client.GetAsync("/help/tickets");
        mine.Has("portal-tickets").ShouldBeFalse("a ticket link is not a sign-in");
        mine.Body.ShouldContain(a.Subject, customMessage: "the ticket opened from its link is listed as such");
        mine.Body.ShouldNotContain(b.Subject);
        mine.Has("portal-link-only").ShouldBeTrue();
        mine.Has("portal-sign-in").ShouldBeTrue();

        // A's key presented at B's address opens nothing either, and adds nothing to the session.
        var swapped = await client.GetAsync(b.Path + "?k=" + portal.LinkPath(a).Split("?k=")[1]);
        swapped.Status.ShouldBe(HttpStatusCode.BadRequest);
        swapped.Body.ShouldNotContain(b.Subject);
        (await client.GetAsync(b.Path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATicketLink_LetsTheCustomerReplyAndSaySolved_OnThatTicketOnly()
    {
        var customer = await portal.CustomerAsync("bo");
        var a = await portal.TicketAsync(customer);
        var b = await portal.TicketAsync(customer);
        using var client = portal.NewClient();
        await client.GetAsync(portal.LinkPath(a));

        var replied = await client.PostFormAsync(a.Path, "portal-reply", new Dictionary<string, string> { ["Reply.Body"] = "Thanks, here is more detail." });
        replied.Status.ShouldBe(HttpStatusCode.Redirect);
        (await portal.MessagesAsync(a.Id)).Last().Body.ShouldBe("Thanks, here is more detail.");

        // The antiforgery token is a real one (from A's page); B is still out of reach.
        var page = await client.GetAsync(a.Path);
        var token = PortalClient.HiddenValue(page.Html, "__RequestVerificationToken");
        // B's page has no forms for this session, so the app refuses the post before anything runs (400 for any number).
        (await client.PostAsync(b.Path, "portal-reply", new Dictionary<string, string> { ["Reply.Body"] = "Sneaky" }, token)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync(b.Path, "portal-solved", null, token)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.MessagesAsync(b.Id)).ShouldAllBe(m => m.Body != "Sneaky");
        (await portal.ReadAsync(b.Id)).Status.ShouldBe(AgentWorkspace.Features.Tickets.TicketStatus.Open);
    }

    [Fact]
    public async Task ATamperedLink_IsRefused_WithAWayToANewSignInLink()
    {
        var customer = await portal.CustomerAsync("cy");
        var a = await portal.TicketAsync(customer);
        var link = portal.LinkPath(a);
        var key = link.Split("?k=")[1];
        var tampered = key[..20] + (key[20] == 'A' ? 'B' : 'A') + key[21..];
        using var client = portal.NewClient();

        foreach (var bad in new[] { tampered, key[..^2], "not-a-key", "" })
        {
            var refused = await client.GetAsync($"{a.Path}?k={Uri.EscapeDataString(bad)}");
            refused.Status.ShouldBe(bad.Length == 0 ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, bad);
            refused.Body.ShouldNotContain(a.Subject);
            refused.SetCookies.ShouldNotContain(c => c.StartsWith(PortalSession.CookieName, StringComparison.Ordinal));
            if (bad.Length > 0)
            {
                refused.Has("portal-link-problem").ShouldBeTrue();
                refused.Body.ShouldContain("This link isn't valid");
                refused.Has("portal-send-link").ShouldBeTrue("the page offers a new sign-in link");
            }
        }
        (await client.GetAsync(a.Path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATicketLink_WorksUntilItsLifetimeEnds_AndIsRefusedAsExpiredAfter()
    {
        var lifetime = portal.App.Services.GetRequiredService<IOptionsMonitor<PortalOptions>>().CurrentValue.TicketLinkLifetime;
        lifetime.ShouldBe(TimeSpan.FromDays(30));
        var customer = await portal.CustomerAsync("dee");
        var a = await portal.TicketAsync(customer);
        var link = portal.LinkPath(a);

        using (portal.Clock.Shift(lifetime - TimeSpan.FromMinutes(1)))
        {
            using var early = portal.NewClient();
            (await early.GetAsync(link)).Location.ShouldBe(a.Path);
            (await early.GetAsync(a.Path)).Body.ShouldContain(a.Subject);
        }
        using (portal.Clock.Shift(lifetime + TimeSpan.FromMinutes(1)))
        {
            using var late = portal.NewClient();
            var expired = await late.GetAsync(link);
            expired.Status.ShouldBe(HttpStatusCode.Gone);
            expired.Body.ShouldContain("This link has expired");
            expired.Body.ShouldNotContain(a.Subject);
            expired.Has("portal-send-link").ShouldBeTrue();
            (await late.GetAsync(a.Path)).Status.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task ANumberAlone_ShowsNothing_AndTheSameWhetherTheTicketExistsOrNot()
    {
        var customer = await portal.CustomerAsync("eve");
        var a = await portal.TicketAsync(customer);
        const int missing = 987_654;
        using var stranger = portal.NewClient();

        var existing = await stranger.GetAsync(a.Path);
        var absent = await stranger.GetAsync($"/help/tickets/{missing}");
        existing.Status.ShouldBe(HttpStatusCode.NotFound);
        absent.Status.ShouldBe(HttpStatusCode.NotFound);
        existing.Body.ShouldNotContain(a.Subject);
        existing.Has("portal-ticket-unavailable").ShouldBeTrue("it says how to reach a ticket");
        existing.Comparable.Replace(PortalFixture.Invariant(a.Number), "N", StringComparison.Ordinal)
            .ShouldBe(absent.Comparable.Replace(PortalFixture.Invariant(missing), "N", StringComparison.Ordinal));

        // Another customer's session changes nothing.
        var other = await portal.CustomerAsync("mallory");
        var theirs = await portal.TicketAsync(other);
        await stranger.GetAsync(portal.LinkPath(theirs));
        var stillNothing = await stranger.GetAsync(a.Path);
        stillNothing.Status.ShouldBe(HttpStatusCode.NotFound);
        stillNothing.Body.ShouldNotContain(a.Subject);
    }
}
