using AgentWorkspace.Components;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Tickets;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>
/// The hand-off question in the property panel and the mention-visibility prompt in the composer, on real tickets. Ben is
/// in another team (Technical Support) and can't see Billing's tickets.
/// </summary>
public sealed class HandOffAndMentionComponentTests : TicketPageTest
{
    private const string BenName = "Ben Carter";
    private int technicalId;
    private int billingId;

    private async Task AddTechnicalSupportWithBenAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var team = new Team { Name = "Technical Support" };
        db.Teams.Add(team);
        db.Users.Add(new Agent { Id = "agent-ben", UserName = "agent-ben", Email = "ben@example.test", DisplayName = BenName, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, AgentId = "agent-ben" });
        await db.SaveChangesAsync();
        technicalId = team.Id;
        billingId = Ana.TeamIds[0];
    }

    private async Task<Ticket> AssignedToAnaAsync()
    {
        await AddTechnicalSupportWithBenAsync();
        var ticket = (await CreateTicketAsync()).Ticket;
        (await Tickets.ExecuteAsync(Ana, ticket.Id, new Assign(null, Ana.AgentId))).Succeeded.ShouldBeTrue();
        return (await ReadAsync(ticket.Number)).Ticket;
    }

    private IRenderedComponent<TicketProperties> RenderPanel(Ticket ticket) =>
        Render<TicketProperties>(p => p
            .Add(t => t.Ticket, ticket)
            .Add(t => t.Scope, Ana)
            .Add(t => t.Agents, [new Option<string>(Ana.AgentId, AnaName), new Option<string>("agent-ben", BenName), new Option<string>(Lucas.AgentId, LucasName)])
            .Add(t => t.Teams, [new Option<int?>(billingId, "Billing & Accounts"), new Option<int?>(technicalId, "Technical Support")]));

    private static void ChooseTeam(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<TicketProperties> panel, string team)
    {
        panel.Find("[data-testid=prop-team]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForElements(".mud-list-item").Single(item => item.TextContent.Trim() == team).Click();
    }

    private async Task<Ticket> StoredAsync(int number)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Tickets.AsNoTracking().Include(t => t.Followers).SingleAsync(t => t.Number == number);
    }

    [Fact]
    public async Task MovingAnAssignedTicket_AsksFirst_AndHandOffClearsTheAssignee()
    {
        var popovers = Render<MudPopoverProvider>();
        var ticket = await AssignedToAnaAsync();
        var panel = RenderPanel(ticket);

        ChooseTeam(popovers, panel, "Technical Support");

        var choice = panel.WaitForElement("[data-testid=handoff-choice]");
        choice.GetAttribute("role").ShouldBe("alertdialog");
        choice.TextContent.ShouldContain("Move to Technical Support: hand it off?");
        panel.Find("[data-testid=handoff-keep]").TextContent.ShouldContain($"Keep {AnaName}");
        (await StoredAsync(ticket.Number)).TeamId.ShouldBe(billingId, "nothing moves before the answer");

        panel.Find("[data-testid=handoff-handoff]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=handoff-choice]").ShouldBeEmpty());
        var stored = await StoredAsync(ticket.Number);
        (stored.TeamId, stored.AssigneeId, stored.OwnerId).ShouldBe((technicalId, null, Ana.AgentId));
    }

    [Fact]
    public async Task Keep_MovesTheTeam_AndLeavesTheAssignee()
    {
        var popovers = Render<MudPopoverProvider>();
        var ticket = await AssignedToAnaAsync();
        var panel = RenderPanel(ticket);

        ChooseTeam(popovers, panel, "Technical Support");
        panel.WaitForElement("[data-testid=handoff-keep]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=handoff-choice]").ShouldBeEmpty());
        var stored = await StoredAsync(ticket.Number);
        (stored.TeamId, stored.AssigneeId).ShouldBe((technicalId, Ana.AgentId));
    }

    [Fact]
    public async Task EscapeCancels_TheMove_AndTheTeamShowsItsSavedValueAgain()
    {
        var popovers = Render<MudPopoverProvider>();
        var ticket = await AssignedToAnaAsync();
        var panel = RenderPanel(ticket);

        ChooseTeam(popovers, panel, "Technical Support");
        panel.WaitForElement("[data-testid=handoff-choice]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=handoff-choice]").ShouldBeEmpty());
        panel.Find("[data-testid=prop-team]").GetAttribute("value").ShouldBe("Billing & Accounts");
        (await StoredAsync(ticket.Number)).TeamId.ShouldBe(billingId);
    }

    [Fact]
    public async Task TheHandOffQuestion_IsAskedInSpanish()
    {
        UseLanguage("es");
        var popovers = Render<MudPopoverProvider>();
        var ticket = await AssignedToAnaAsync();
        var panel = RenderPanel(ticket);

        ChooseTeam(popovers, panel, "Technical Support");

        panel.WaitForElement("[data-testid=handoff-choice]").TextContent.ShouldContain("Mover a Technical Support: ¿pasarlo al equipo?");
        panel.Find("[data-testid=handoff-handoff]").TextContent.ShouldContain("Pasar al equipo");
    }

    private IRenderedComponent<Composer> RenderNoteComposer(Ticket ticket, string text)
    {
        Render<MudPopoverProvider>();
        var composer = Render<Composer>(p => p.Add(c => c.Ticket, ticket).Add(c => c.Scope, Ana));
        composer.Find("[data-testid=mode-note]").Click();
        composer.Find("[data-testid=composer-input]").Input(text);
        composer.Find("[data-testid=composer-send]").Click();
        return composer;
    }

    private async Task<List<Message>> NotesAsync(int ticketId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && m.Visibility == MessageVisibility.Internal).ToListAsync();
    }

    [Fact]
    public async Task MentioningSomeoneWhoCannotSeeTheTicket_AsksBeforeSending_AndCanAddThemAsAFollower()
    {
        await AddTechnicalSupportWithBenAsync();
        var ticket = (await CreateTicketAsync()).Ticket;

        var composer = RenderNoteComposer(ticket, "@ben can you check the server logs?");

        var prompt = composer.WaitForElement("[data-testid=mention-warning]");
        prompt.TextContent.ShouldContain($"{BenName} can't see this ticket.");
        (await NotesAsync(ticket.Id)).ShouldBeEmpty("nothing is sent before the answer");

        composer.Find("[data-testid=mention-add-follower]").Click();

        await composer.WaitForAssertionAsync(async () => (await NotesAsync(ticket.Id)).Single().Body.ShouldBe("@ben can you check the server logs?"));
        (await StoredAsync(ticket.Number)).Followers.Select(f => f.AgentId).ShouldBe(["agent-ben"]);
        composer.FindAll("[data-testid=mention-warning]").ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAnyway_SendsTheNote_WithoutMakingThemAFollower()
    {
        await AddTechnicalSupportWithBenAsync();
        var ticket = (await CreateTicketAsync()).Ticket;

        var composer = RenderNoteComposer(ticket, "@ben FYI");
        composer.WaitForElement("[data-testid=mention-send-anyway]").Click();

        await composer.WaitForAssertionAsync(async () => (await NotesAsync(ticket.Id)).Count.ShouldBe(1));
        (await StoredAsync(ticket.Number)).Followers.ShouldBeEmpty();
    }

    [Fact]
    public async Task MentioningATeammateWhoSeesTheTicket_SendsAtOnce()
    {
        await AddTechnicalSupportWithBenAsync();
        var ticket = (await CreateTicketAsync()).Ticket;

        var composer = RenderNoteComposer(ticket, "@lucas can you take this?");

        await composer.WaitForAssertionAsync(async () => (await NotesAsync(ticket.Id)).Count.ShouldBe(1));
        composer.FindAll("[data-testid=mention-warning]").ShouldBeEmpty();
    }
}
