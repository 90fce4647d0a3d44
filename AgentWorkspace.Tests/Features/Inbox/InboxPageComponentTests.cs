using System.Security.Claims;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>
/// The inbox page rendered for Ana on the real app's services and database: what a row shows (badges, unread and
/// viewing markers), in English and Spanish, kept live by the same events the browser gets.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxPageComponentTests : PopoverComponentTest
{
    private readonly WorkspaceAppFactory app;
    private readonly Bunit.TestDoubles.BunitAuthorizationContext signIn;
    private TicketTestData Data => new(app.Services);

    public InboxPageComponentTests(WorkspaceAppFactory app)
    {
        this.app = app;
        Services.AddFallbackServiceProvider(app.Services);
        signIn = AddAuthorization();
    }

    [Fact]
    public async Task ARow_ShowsStatusPriorityAndChannelAsBadges_AndIsMarkedUnreadForAnAgentWhoNeverOpenedIt()
    {
        var ticket = await CreateWaitingUrgentTicketAsync();
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);

        var row = inbox.WaitForElement(RowOf(ticket.Number));

        var status = row.QuerySelector("[data-status]")!;
        status.GetAttribute("data-status").ShouldBe("WaitingOnCustomer");
        status.TextContent.ShouldBe("Waiting on customer");
        status.ClassList.ShouldContain("aw-status-warning");
        var priority = row.QuerySelector("[data-priority]")!;
        priority.GetAttribute("data-priority").ShouldBe("Urgent");
        priority.TextContent.ShouldBe("Urgent");
        priority.ClassList.ShouldContain("aw-priority-urgent");
        row.QuerySelector(".aw-row-meta")!.TextContent.ShouldEndWith("· Email");
        row.QuerySelector("[data-testid=updated-marker]").ShouldNotBeNull();
        row.ClassList.ShouldContain("updated");
    }

    [Fact]
    public async Task ASeenTicket_HasNoUnreadMarker_AndAnUnreadOneLosesItLiveOnceSeen()
    {
        var unread = await Data.CreateAsync();
        var seen = await Data.CreateAsync();
        var ana = await AgentIdAsync(DemoAgents.AnaEmail);
        var reads = app.Services.GetRequiredService<TicketReads>();
        await reads.MarkSeenAsync(ana, seen.Id);
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);

        inbox.WaitForAssertion(() => inbox.Find(RowOf(unread.Number)).QuerySelector("[data-testid=updated-marker]").ShouldNotBeNull());
        inbox.Find(RowOf(seen.Number)).QuerySelector("[data-testid=updated-marker]").ShouldBeNull();

        await reads.MarkSeenAsync(ana, unread.Id);

        inbox.WaitForAssertion(() => inbox.Find(RowOf(unread.Number)).QuerySelector("[data-testid=updated-marker]").ShouldBeNull(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnotherAgentOpeningATicket_ShowsWhoIsViewingItOnItsRow_UntilTheyLeave()
    {
        var ticket = await Data.CreateAsync();
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);
        inbox.WaitForElement(RowOf(ticket.Number)).QuerySelector("[data-testid=viewing-marker]").ShouldBeNull();

        var lucas = await AgentIdAsync(DemoAgents.LucasEmail);
        using (app.Services.GetRequiredService<TicketPresence>().Watch(ticket.Id, lucas, "Lucas Martín"))
        {
            inbox.WaitForAssertion(() => inbox.Find($"{RowOf(ticket.Number)} [data-testid=viewing-marker]").TextContent.ShouldContain("Lucas Martín"), TimeSpan.FromSeconds(5));
        }

        inbox.WaitForAssertion(() => inbox.FindAll($"{RowOf(ticket.Number)} [data-testid=viewing-marker]").ShouldBeEmpty(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ASpanishSpeakingAgent_SeesViewsHeadersAndRowsInSpanish()
    {
        var ticket = await CreateWaitingUrgentTicketAsync();
        UseLanguage("es");
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);

        var row = inbox.WaitForElement(RowOf(ticket.Number));

        row.QuerySelector("[data-status]")!.TextContent.ShouldBe("Esperando al cliente");
        row.QuerySelector("[data-priority]")!.TextContent.ShouldBe("Urgente");
        row.QuerySelector(".aw-row-meta")!.TextContent.ShouldEndWith("· Correo");
        inbox.Find("[data-view=AllOpen]").TextContent.ShouldContain("Todos los abiertos");
        inbox.Find("[data-view=Mine]").TextContent.ShouldContain("Mis abiertos");
        inbox.Find("[data-view=WaitingOnCustomer]").TextContent.ShouldContain("Esperando al cliente");
        inbox.Find("[data-view=BreachingSoon]").TextContent.ShouldContain("A punto de incumplir");
        inbox.FindAll("[role=columnheader]").Select(h => h.TextContent.Trim()).ShouldBe(["", "Ticket", "Estado", "Prioridad", "SLA", "Asignado a", "Equipo", "Actividad"]);
        // Waiting on customer pauses the clock (the SLA state may land just after the first render: it arrives live).
        inbox.WaitForAssertion(() => inbox.Find($"{RowOf(ticket.Number)} [data-testid=sla-badge] .aw-sla-word").TextContent.ShouldBe("En pausa"), TimeSpan.FromSeconds(5));
        inbox.Find("h1").TextContent.ShouldBe("Bandeja de entrada");
    }

    [Fact]
    public async Task EnterOnATicketNumberInTheSearch_OpensThatTicket_WhenTheAgentMaySeeIt()
    {
        var billing = await Data.CreateAsync();
        var technical = await Data.CreateAsync(teamName: "Technical Support");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);
        var search = inbox.WaitForElement("input[data-testid=inbox-search]");

        search.Input($"#{technical.Number}");
        search.KeyDown("Enter");
        search.Input("999999999");
        search.KeyDown("Enter");

        navigation.Uri.ShouldNotContain("/tickets/");

        search.Input($"{billing.Number}");
        search.KeyDown("Enter");

        inbox.WaitForAssertion(() => navigation.Uri.ShouldEndWith($"/tickets/{billing.Number}"));
    }

    [Fact]
    public async Task ALiveChangeToOneRow_LeavesTheOtherRowsAndTabsHandlersAlone_SoOnlyWhatChangedGoesToTheBrowser()
    {
        var changing = await Data.CreateAsync();
        var other = await Data.CreateAsync();
        var ana = await AgentIdAsync(DemoAgents.AnaEmail);
        var inbox = await RenderInboxForAsync(DemoAgents.AnaEmail);
        inbox.WaitForElement(RowOf(changing.Number)).QuerySelector("[data-testid=updated-marker]").ShouldNotBeNull();
        // bUnit shows each event handler's id: a handler the renderer re-sent gets a new one.
        string Handlers() => string.Join(" ", [
            inbox.Find(RowOf(other.Number)).GetAttribute("blazor:onclick"),
            inbox.Find($"{RowOf(other.Number)} input[type=checkbox]").GetAttribute("blazor:onchange"),
            .. inbox.FindAll("[data-testid=inbox-views] button").Select(tab => tab.GetAttribute("blazor:onclick"))]);
        var before = Handlers();
        before.ShouldNotContain("  ");

        await app.Services.GetRequiredService<TicketReads>().MarkSeenAsync(ana, changing.Id);

        inbox.WaitForAssertion(() => inbox.Find(RowOf(changing.Number)).QuerySelector("[data-testid=updated-marker]").ShouldBeNull(), TimeSpan.FromSeconds(5));
        Handlers().ShouldBe(before);
    }

    private static string RowOf(int number) => $"[data-testid=inbox-row][data-ticket='{number}']";

    private async Task<(int Id, int Number)> CreateWaitingUrgentTicketAsync()
    {
        var ticket = await Data.CreateAsync();
        var admin = await Data.ScopeAsync(DemoAgents.AdminEmail);
        var result = await Data.Tickets.ExecuteAsync(admin, ticket.Id,
            [new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer), new SetPriority(TicketPriority.Normal, TicketPriority.Urgent)]);
        result.Succeeded.ShouldBeTrue(result.Error);
        return (ticket.Id, ticket.Number);
    }

    private async Task<IRenderedComponent<InboxPage>> RenderInboxForAsync(string email)
    {
        await using var db = await Data.DbAsync();
        var agent = await db.Users.SingleAsync(a => a.Email == email);
        signIn.SetAuthorized(agent.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, agent.Id));
        return Render<InboxPage>();
    }

    private async Task<string> AgentIdAsync(string email)
    {
        await using var db = await Data.DbAsync();
        return await db.Users.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }
}
