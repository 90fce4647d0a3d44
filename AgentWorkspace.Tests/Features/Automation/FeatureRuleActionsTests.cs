using AgentWorkspace.Features.Agents;
using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Chat;
using AgentWorkspace.Features.Presence;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>
/// The two rule actions other features register: "canned-reply" (Canned) and "auto-assign" (Routing), run by the real
/// rule engine on the real ticket, routing and presence services.
/// </summary>
public sealed class FeatureRuleActionsTests : IAsyncLifetime
{
    private AutomationWorld world = null!;

    public async Task InitializeAsync() => world = await AutomationWorld.CreateAsync(moreServices: services =>
    {
        services.AddPresence();
        services.AddRouting(new ConfigurationBuilder().Build());
        services.AddCanned();
    });

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task ACannedReplyRule_OnNewTickets_SendsOnePublicReplyWithTheVariablesFilled_EvenWhenTheTriggerRunsAgain()
    {
        var cannedId = await CannedAsync("thanks", Sharing.Shared,
            en: "Hi {{customer.first_name | there}}, we got #{{ticket.number}}.", es: "Hola, {{customer.first_name | qué tal}}: recibimos el #{{ticket.number}}.");
        await world.AddRuleAsync("Acknowledge", RuleTrigger.TicketCreated, [], [new RuleActionSpec(CannedReplyAction.RuleKind, cannedId)]);

        var ticketId = await world.NewTicketAsync(world.Id.Sofia, language: "es");
        var ticket = await world.ReadAsync(ticketId);

        var replies = await PublicRepliesAsync(ticketId);
        replies.Count.ShouldBe(1);
        replies[0].Body.ShouldBe($"Hola, Sofía: recibimos el #{ticket.Number}.");
        replies[0].AuthorAgentId.ShouldBeNull();
        // It reaches the customer through the one projection that decides what customers get.
        CustomerView.Message(replies[0], null).ShouldNotBeNull().Author.ShouldBe(CustomerMessage.AgentAuthor);
        (await world.RuleLinesAsync(ticketId)).ShouldContain(l => l.OldValue == AutomationHistory.Replied && l.Reason == "Acknowledge" && l.NewValue == "thanks");

        // The same trigger again: the firing record stops it, and with that record gone (a retry after a crash) the
        // firing's idempotency key does: still one reply, one history line.
        var engine = world.Services.GetRequiredService<AutomationEngine>();
        string key;
        await using (var db = world.Db())
        {
            key = await db.Set<AutomationFiring>().Where(f => f.TicketId == ticketId).Select(f => f.TriggerKey).SingleAsync();
        }
        await engine.RunAsync(new RuleTriggerEvent(RuleTrigger.TicketCreated, ticketId, key, AutomationWorld.Start));
        await using (var db = world.Db())
        {
            await db.Set<AutomationFiring>().Where(f => f.TicketId == ticketId).ExecuteDeleteAsync();
        }
        await engine.RunAsync(new RuleTriggerEvent(RuleTrigger.TicketCreated, ticketId, key, AutomationWorld.Start));

        (await PublicRepliesAsync(ticketId)).Count.ShouldBe(1);
        (await world.RuleLinesAsync(ticketId)).Count(l => l.OldValue == AutomationHistory.Replied).ShouldBe(1);
    }

    [Fact]
    public async Task ACannedReplyRule_RefusesUnknownAndNonSharedResponses_WhenSaved()
    {
        var personal = await CannedAsync("mine", Sharing.Personal, en: "Hi", owner: world.Id.Ana);
        var team = await CannedAsync("team", Sharing.Team, en: "Hi", team: world.Id.Support);
        foreach (var value in new[] { personal, team, "999999", "", null })
        {
            var saved = await world.Rules.SaveAsync(new RuleDraft
            {
                Name = "Bad reply " + value, Trigger = RuleTrigger.TicketCreated, IsEnabled = true,
                Actions = [new RuleActionSpec(CannedReplyAction.RuleKind, value)],
            }, world.Id.Ana);
            saved.Succeeded.ShouldBeFalse($"value {value}");
            saved.Error.ShouldNotBeNull().ShouldContain("shared");
        }
    }

    [Fact]
    public async Task AnAutoAssignRule_GivesTheTicketToTheOnlineSkilledAgentWithRoom_AndTheHistoryNamesTheRule()
    {
        var routing = world.Services.GetRequiredService<RoutingAdminService>();
        var presence = world.Services.GetRequiredService<PresenceTracker>();
        (await routing.SaveTeamAsync(new TeamRoutingRow(world.Id.Support, "Support", true, AssignmentMethod.LeastLoaded, false, 0))).ShouldBeNull();
        var leo = await SupportAgentAsync("Leo");
        await using (var db = world.Db())
        {
            db.TeamMembers.Add(new TeamMember { TeamId = world.Id.Support, AgentId = world.Id.Bea });
            await db.SaveChangesAsync();
        }
        var english = new[] { new SkillInput(SkillKind.Language, "en", 2) };
        (await routing.SaveProfileAsync(world.Id.Ana, english, 3, 20)).ShouldBeNull();
        (await routing.SaveProfileAsync(world.Id.Tom, english, 3, 20)).ShouldBeNull();
        (await routing.SaveProfileAsync(world.Id.Bea, english, 3, 1)).ShouldBeNull();
        (await routing.SaveProfileAsync(leo, [new SkillInput(SkillKind.Language, "es", 2)], 3, 20)).ShouldBeNull();
        foreach (var agent in new[] { world.Id.Ana, world.Id.Tom, world.Id.Bea, leo })
        {
            await presence.CircuitUpAsync(Guid.NewGuid().ToString("N"), agent);
        }
        await presence.SetAvailabilityAsync(world.Id.Tom, Availability.Away);
        // Bea is full: her one ticket.
        var beas = await world.NewTicketAsync(world.Id.Vera, teamId: world.Id.Billing);
        var full = await world.Tickets.ExecuteAsync(new AgentScope(world.Id.Bea, true, []), beas, new Assign(null, world.Id.Bea));
        full.Succeeded.ShouldBeTrue(full.Error);

        await world.AddRuleAsync("Route new tickets", RuleTrigger.TicketCreated, [],
            [new RuleActionSpec(AutoAssignAction.RuleKind, world.Id.Support.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var ticketId = await world.NewTicketAsync(world.Id.Casey);

        await AutomationWorld.WaitUntilAsync(async () => (await world.ReadAsync(ticketId)).AssigneeId is not null, "the rule routed the ticket");
        var ticket = await world.ReadAsync(ticketId);
        ticket.AssigneeId.ShouldBe(world.Id.Ana);
        ticket.TeamId.ShouldBe(world.Id.Support);
        await using (var db = world.Db())
        {
            var assigned = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Field == "Assignee").SingleAsync();
            assigned.Reason.ShouldNotBeNull().ShouldContain(RoutingReason.LeastLoaded);
            var team = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Field == "Team").SingleAsync();
            team.Reason.ShouldBe("Route new tickets");
        }
        var line = (await world.RuleLinesAsync(ticketId)).ShouldHaveSingleItem();
        line.OldValue.ShouldBe(AutomationHistory.Routed);
        line.Reason.ShouldBe("Route new tickets");
        line.NewValue.ShouldNotBeNull().ShouldStartWith("Ana (");
    }

    [Fact]
    public async Task AnAutoAssignRule_RefusesATeamThatDoesNotExist_WhenSaved()
    {
        var saved = await world.Rules.SaveAsync(new RuleDraft
        {
            Name = "Route", Trigger = RuleTrigger.TicketCreated, IsEnabled = true, Actions = [new RuleActionSpec(AutoAssignAction.RuleKind, "999999")],
        }, world.Id.Ana);
        saved.Succeeded.ShouldBeFalse();
    }

    private async Task<List<Message>> PublicRepliesAsync(int ticketId)
    {
        await using var db = world.Db();
        return await db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && m.Visibility == MessageVisibility.Public && m.AuthorKind == AuthorKind.Agent)
            .ToListAsync();
    }

    private async Task<string> CannedAsync(string title, Sharing sharing, string en, string? es = null, string? owner = null, int? team = null)
    {
        await using var db = world.Db();
        var response = new CannedResponse
        {
            Shortcut = title, Title = title, BodyEn = en, BodyEs = es, Sharing = sharing, OwnerId = owner, TeamId = team,
            CreatedAt = AutomationWorld.Start, UpdatedAt = AutomationWorld.Start,
        };
        db.CannedResponses.Add(response);
        await db.SaveChangesAsync();
        return response.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> SupportAgentAsync(string name)
    {
        await using var db = world.Db();
        var agent = new Agent { UserName = $"{name.ToLowerInvariant()}@rules.test", Email = $"{name.ToLowerInvariant()}@rules.test", DisplayName = name, CreatedAt = AutomationWorld.Start };
        db.Users.Add(agent);
        await db.SaveChangesAsync();
        db.TeamMembers.Add(new TeamMember { TeamId = world.Id.Support, AgentId = agent.Id });
        await db.SaveChangesAsync();
        return agent.Id;
    }
}
