using System.Globalization;
using AgentWorkspace.Features.Routing;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Tests.Features.Routing;

public sealed class RoutingEngineTests
{
    [Fact]
    public async Task ManyTickets_AreSpreadEvenly_AndAwayAndOfflineAgentsNeverGetOne()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var online = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            online.Add(await world.AgentAsync($"Online{i}", maxTickets: 100));
        }
        var away = await world.AgentAsync("Away", maxTickets: 100);
        var offline = await world.AgentAsync("Offline", maxTickets: 100);
        foreach (var agent in online)
        {
            await world.OnlineAsync(agent);
        }
        await world.OnlineAsync(away);
        await world.AwayAsync(away);

        var tickets = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            tickets.Add(await world.NewTicketAsync());
        }
        var assignees = new List<string?>();
        foreach (var ticket in tickets)
        {
            assignees.Add(await world.RoutedAsync(ticket));
        }

        assignees.ShouldAllBe(a => a != null && online.Contains(a));
        var counts = online.Select(a => assignees.Count(x => x == a)).ToList();
        // The bound: least loaded with round-robin ties gives every agent the same share, give or take one ticket.
        (counts.Max() - counts.Min()).ShouldBeLessThanOrEqualTo(1, string.Join(", ", counts));
        assignees.ShouldNotContain(away);
        assignees.ShouldNotContain(offline);
    }

    [Fact]
    public async Task RoundRobin_GivesEachAgentTheSameNumberOfNewTickets_WhateverTheirLoad()
    {
        await using var world = await RoutingWorld.CreateAsync();
        (await world.Admin.SaveTeamAsync(new TeamRoutingRow(world.Support, "Support", true, AssignmentMethod.RoundRobin, false, 0))).ShouldBeNull();
        var ana = await world.AgentAsync("Ana", maxTickets: 100);
        var tom = await world.AgentAsync("Tom", maxTickets: 100);
        // Ana already works five tickets assigned by hand: round robin ignores load (least loaded would not).
        for (var i = 0; i < 5; i++)
        {
            var ticket = await world.NewTicketAsync();
            (await world.Tickets.ExecuteAsync(await world.ScopeAsync(ana), ticket, new Assign(null, ana))).Succeeded.ShouldBeTrue();
        }
        await world.OnlineAsync(ana);
        await world.OnlineAsync(tom);

        var assignees = new List<string?>();
        for (var i = 0; i < 30; i++)
        {
            assignees.Add(await world.RoutedAsync(await world.NewTicketAsync()));
        }

        var sequence = string.Concat(assignees.Select(a => a == ana ? "A" : a == tom ? "T" : "-"));
        assignees.Count(a => a == ana).ShouldBe(15, sequence);
        assignees.Count(a => a == tom).ShouldBe(15);
        // Strictly alternating: the one who least recently got a ticket goes next.
        assignees.Zip(assignees.Skip(1)).ShouldAllBe(pair => pair.First != pair.Second);
    }

    [Fact]
    public async Task Capacity_IsRespected_SeparatelyForChatsAndOtherTickets_AndTheTeamIsAlertedOncePerTicket()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var ana = await world.AgentAsync("Ana", maxChats: 1, maxTickets: 2);
        await world.OnlineAsync(ana);

        (await world.RoutedAsync(await world.NewTicketAsync())).ShouldBe(ana);
        (await world.RoutedAsync(await world.NewTicketAsync())).ShouldBe(ana);
        var third = await world.NewTicketAsync();
        (await world.RoutedAsync(third)).ShouldBeNull();
        // E-mail is full, chats are not.
        (await world.RoutedAsync(await world.NewTicketAsync(TicketChannel.Chat))).ShouldBe(ana);
        (await world.RoutedAsync(await world.NewTicketAsync(TicketChannel.Chat))).ShouldBeNull();

        // The alert is written after the routing decision commits: wait for both, then check there are exactly two.
        await RoutingWorld.WaitUntilAsync(
            async () => (await world.NotificationsAsync(ana)).Count(t => t.StartsWith("Nobody available", StringComparison.Ordinal)) >= 2,
            "two 'nobody available' alerts");
        var alerts = (await world.NotificationsAsync(ana)).Where(t => t.StartsWith("Nobody available", StringComparison.Ordinal)).ToList();
        alerts.Count.ShouldBe(2);
        // Asking again (a rule, a later event) does not alert again for the same ticket.
        (await world.Engine.AssignAsync(third)).Outcome.ShouldBe(RoutingOutcome.NobodyAvailable);
        (await world.NotificationsAsync(ana)).Count(t => t.StartsWith("Nobody available", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Skills_AreMatched_LanguageAlways_CategoryWhenTheTeamRequiresIt_AndTier()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var english = await world.AgentAsync("English", "en");
        var spanishBilling = await world.AgentAsync("Billing", "es", 3, 20, new SkillInput(SkillKind.Category, "billing", 3));
        var spanishTier2 = await world.AgentAsync("Tier2", "es", 3, 20, new SkillInput(SkillKind.Tier, "tier", 2));
        foreach (var agent in new[] { english, spanishBilling, spanishTier2 })
        {
            await world.OnlineAsync(agent);
        }

        (await world.RoutedAsync(await world.NewTicketAsync(language: "en"))).ShouldBe(english);
        (await world.RoutedAsync(await world.NewTicketAsync(language: "es"))).ShouldBeOneOf(spanishBilling, spanishTier2);

        (await world.Admin.SaveTeamAsync(new TeamRoutingRow(world.Support, "Support", true, AssignmentMethod.LeastLoaded, true, 0))).ShouldBeNull();
        for (var i = 0; i < 3; i++)
        {
            (await world.RoutedAsync(await world.NewTicketAsync(language: "es", category: "Billing"))).ShouldBe(spanishBilling);
        }
        (await world.RoutedAsync(await world.NewTicketAsync(language: "es", category: "Shipping"))).ShouldBeNull();

        // A tier-2 ticket (escalated, then handed back to the team) needs a tier skill of 2 or more.
        var escalated = await world.NewTicketAsync(language: "es", teamId: null);
        (await world.Tickets.ExecuteAsSystemAsync(escalated, [new Escalate(world.Support, 2, "Needs tier 2", HandOff: true)], "test")).Succeeded.ShouldBeTrue();
        (await world.RoutedAsync(escalated)).ShouldBe(spanishTier2);
        var reason = (await world.AssigneeEventsAsync(escalated)).Last(e => e.Field == "Assignee").Reason;
        reason.ShouldBe("least loaded; skills: es, tier 2");
    }

    [Fact]
    public async Task WhenAnAgentFreesUp_TheOldestWaitingTicketGoesToThem_AndComingOnlineTakesTheNext()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var ana = await world.AgentAsync("Ana", maxTickets: 1);
        var tom = await world.AgentAsync("Tom", maxTickets: 1);
        await world.OnlineAsync(ana);
        var first = await world.NewTicketAsync();
        (await world.RoutedAsync(first)).ShouldBe(ana);
        var oldest = await world.NewTicketAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await world.NewTicketAsync();
        (await world.RoutedAsync(oldest)).ShouldBeNull();
        (await world.RoutedAsync(newer)).ShouldBeNull();

        await world.ResolveAsync(first, ana);
        await RoutingWorld.WaitUntilAsync(async () => await world.AssigneeAsync(oldest) == ana, "the oldest waiting ticket went to Ana");
        (await world.AssigneeAsync(newer)).ShouldBeNull();
        (await world.AssigneeEventsAsync(oldest)).Last().Reason.ShouldBe("agent became available, oldest waiting; least loaded; skills: en");

        await world.OnlineAsync(tom);
        await RoutingWorld.WaitUntilAsync(async () => await world.AssigneeAsync(newer) == tom, "the next waiting ticket went to Tom when he came online");
    }

    [Fact]
    public async Task AChatNotAcceptedInTime_GoesToTheNextAgent_WhileAnAcceptedOrAnsweredOneStays()
    {
        await using var world = await RoutingWorld.CreateAsync();
        (await world.Admin.SaveTeamAsync(new TeamRoutingRow(world.Support, "Support", true, AssignmentMethod.LeastLoaded, false, 30))).ShouldBeNull();
        var ana = await world.AgentAsync("Ana");
        var tom = await world.AgentAsync("Tom");
        await world.OnlineAsync(ana);
        await world.OnlineAsync(tom);

        var ignored = await world.NewTicketAsync(TicketChannel.Chat);
        var first = await world.RoutedAsync(ignored);
        var second = first == ana ? tom : ana;
        var accepted = await world.NewTicketAsync(TicketChannel.Chat);
        (await world.RoutedAsync(accepted)).ShouldBe(second);
        (await world.Engine.AcceptAsync(accepted, second!)).ShouldBeTrue();
        var answered = await world.NewTicketAsync(TicketChannel.Chat);
        (await world.RoutedAsync(answered)).ShouldBe(first);
        (await world.Tickets.AddAgentMessageAsync(await world.ScopeAsync(first!), answered, new AgentMessage("Hi, I'm here.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();

        await world.AdvanceAsync(TimeSpan.FromSeconds(29));
        (await world.AssigneeAsync(ignored)).ShouldBe(first);
        await world.AdvanceAsync(TimeSpan.FromSeconds(2));

        (await world.AssigneeAsync(ignored)).ShouldBe(second);
        (await world.AssigneeEventsAsync(ignored)).Last().Reason.ShouldBe("not accepted within 30 s; least loaded; skills: en");
        (await world.AssigneeAsync(accepted)).ShouldBe(second);
        (await world.AssigneeAsync(answered)).ShouldBe(first);

        // The next agent lets it time out too: nobody else is left who has not, so it stays with them.
        await world.AdvanceAsync(TimeSpan.FromSeconds(31));
        (await world.AssigneeAsync(ignored)).ShouldBe(second);
    }

    [Fact]
    public async Task ConcurrentNewTickets_AreNeverAssignedTwice_NorPutAnAgentOverCapacity()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var agents = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            agents.Add(await world.AgentAsync($"Agent{i}", maxChats: 2, maxTickets: 3));
            await world.OnlineAsync(agents[^1]);
        }

        // 40 chats and e-mails at once; besides the feed's own reaction, each is also routed directly by a second caller.
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var ticket = await world.NewTicketAsync(i % 2 == 0 ? TicketChannel.Chat : TicketChannel.Email);
            await world.Engine.AssignAsync(ticket);
            return ticket;
        })));
        foreach (var ticket in created)
        {
            await world.RoutedAsync(ticket);
        }

        await using var db = world.Db();
        var tickets = await db.Tickets.Where(t => created.Contains(t.Id)).Select(t => new { t.Id, t.AssigneeId, t.Channel }).ToListAsync();
        foreach (var agent in agents)
        {
            tickets.Count(t => t.AssigneeId == agent && t.Channel == TicketChannel.Chat).ShouldBe(2);
            tickets.Count(t => t.AssigneeId == agent && t.Channel == TicketChannel.Email).ShouldBe(3);
        }
        tickets.Count(t => t.AssigneeId == null).ShouldBe(40 - 4 * 5);
        var assignments = await db.TicketEvents.Where(e => created.Contains(e.TicketId) && e.Field == "Assignee").GroupBy(e => e.TicketId).Select(g => g.Count()).ToListAsync();
        assignments.ShouldAllBe(n => n == 1);
    }

    [Fact]
    public async Task ATicketWithoutTeam_GetsTheDefaultTeamForItsChannelAndLanguage_ThenAnAgent()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var ana = await world.AgentAsync("Ana", "es");
        await world.OnlineAsync(ana);
        (await world.Admin.AddDefaultTeamAsync(TicketChannel.Chat, "es", world.Support)).ShouldBeNull();
        (await world.Admin.AddDefaultTeamAsync(TicketChannel.Chat, "es", world.Support)).ShouldNotBeNull();

        var chat = await world.NewTicketAsync(TicketChannel.Chat, "es", teamId: null);
        (await world.RoutedAsync(chat)).ShouldBe(ana);
        var events = await world.AssigneeEventsAsync(chat);
        events.Select(e => (e.Field, e.Reason)).ShouldBe([("Team", "default team for Chat, es"), ("Assignee", "least loaded; skills: es")]);
        events.ShouldAllBe(e => e.ActorKind == AuthorKind.System);
        await using (var db = world.Db())
        {
            var number = await db.Tickets.Where(t => t.Id == chat).Select(t => t.Number).SingleAsync();
            await RoutingWorld.WaitUntilAsync(async () => (await world.NotificationsAsync(ana)).Contains($"#{number} was assigned to you automatically"),
                "Ana was told the chat is hers, without naming a person who did it");
        }

        // No rule for e-mail: it stays in the triage queue without a team.
        var email = await world.NewTicketAsync(TicketChannel.Email, "es", teamId: null);
        (await world.Engine.AssignAsync(email)).Outcome.ShouldBe(RoutingOutcome.NoTeam);
    }

    [Fact]
    public async Task AnAgentGoingAway_HandsTheirOpenChatsToTheNextAgent_OrBackToTheTeam()
    {
        await using var world = await RoutingWorld.CreateAsync();
        var ana = await world.AgentAsync("Ana", maxChats: 5);
        var tom = await world.AgentAsync("Tom", maxChats: 1);
        await world.OnlineAsync(ana);
        var chats = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            chats.Add(await world.NewTicketAsync(TicketChannel.Chat));
            (await world.RoutedAsync(chats[^1])).ShouldBe(ana);
        }
        await world.OnlineAsync(tom);

        await world.AwayAsync(ana);
        (await world.Engine.HandBackChatsAsync(ana)).ShouldBe(2);

        (await world.AssigneeAsync(chats[0])).ShouldBe(tom);
        (await world.AssigneeAsync(chats[1])).ShouldBeNull();
        (await world.AssigneeEventsAsync(chats[0])).Last().Reason.ShouldBe("handed back; least loaded; skills: en");
        (await world.AssigneeEventsAsync(chats[1])).Last().Reason.ShouldBe("handed back; nobody else available");
    }

    [Theory]
    [InlineData("en", "least loaded; skills: es, billing", "least loaded, skills: es, billing")]
    [InlineData("es", "least loaded; skills: es, billing", "el menos cargado, habilidades: es, billing")]
    [InlineData("es", "not accepted within 30 s; round robin; skills: en", "no aceptado en 30 s, por turnos, habilidades: en")]
    [InlineData("es", "default team for Chat, es", "equipo predeterminado para Chat, es")]
    [InlineData("es", "handed back; nobody else available", "devuelto por el agente, nadie más disponible")]
    [InlineData("es", "The customer asked for a manager", null)]
    public async Task RoutingReasons_AreToldInTheAgentsLanguage(string language, string stored, string? told)
    {
        await using var world = await RoutingWorld.CreateAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            RoutingHistoryText.Reason(stored, world.Services.GetRequiredService<IStringLocalizer<RoutingStrings>>()).ShouldBe(told);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
