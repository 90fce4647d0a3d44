using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>Rules on live triggers: actions, order, stop, enable/disable, loop protection and the firing cap.</summary>
public sealed class AutomationRuleTests : IAsyncLifetime
{
    private AutomationWorld world = null!;

    public async Task InitializeAsync() => world = await AutomationWorld.CreateAsync(new Dictionary<string, string?> { ["Automation:MaxFiringsPerTicketPerHour"] = "3" });

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static RuleCondition Vip => new(ConditionField.CustomerVip, ConditionOperator.Is, "true");

    [Fact]
    public async Task AVipCustomersNewTicket_GetsHighPriority_ChangedByTheRuleAndNamedInTheHistory()
    {
        var rule = await world.AddRuleAsync("VIP to high priority", RuleTrigger.TicketCreated, [Vip], [new("set-priority", "High")]);

        var vip = await world.NewTicketAsync(world.Id.Vera);
        var other = await world.NewTicketAsync(world.Id.Casey);

        (await world.ReadAsync(vip)).Priority.ShouldBe(TicketPriority.High);
        (await world.ReadAsync(other)).Priority.ShouldBe(TicketPriority.Normal);
        var line = (await world.RuleLinesAsync(vip)).ShouldHaveSingleItem();
        (line.Field, line.OldValue, line.NewValue, line.Reason, line.RuleId, line.ActorKind, line.ActorAgentId)
            .ShouldBe(("Priority", "Normal", "High", "VIP to high priority", (int?)rule, AuthorKind.System, (string?)null));
        (await world.RuleLinesAsync(other)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryBuiltInAction_DoesItsPart_AsOneChangePlusANoteAndANotification()
    {
        await world.AddRuleAsync("Billing questions", RuleTrigger.TicketCreated,
            [new(ConditionField.SubjectOrMessage, ConditionOperator.Contains, "invoice, factura")],
            [
                new("set-team", world.Id.Billing.ToString()), new("assign", world.Id.Bea), new("set-category", "Billing"),
                new("add-tag", "money"), new("remove-tag", "nothing-here"), new("set-status", "InProgress"),
                new("add-note", "Check the customer's last invoice first."), new("notify", NotifyAction.Assignee),
            ]);

        var ticket = await world.NewTicketAsync(world.Id.Casey, "Wrong INVOICE total", "The total is wrong.");

        var read = await world.ReadAsync(ticket);
        (read.TeamId, read.AssigneeId, read.Category, read.Status).ShouldBe((world.Id.Billing, world.Id.Bea, "Billing", TicketStatus.InProgress));
        read.Tags.Select(t => t.Tag).ShouldBe(["money"]);
        await using var db = world.Db();
        var note = await db.Messages.SingleAsync(m => m.TicketId == ticket && m.AuthorKind == AuthorKind.System);
        (note.Body, note.Visibility).ShouldBe(("Check the customer's last invoice first.", MessageVisibility.Internal));
        (await world.NotificationsAsync(world.Id.Bea)).ShouldContain("La regla “Billing questions” señaló el #" + read.Number);
        var lines = await world.RuleLinesAsync(ticket);
        lines.Select(l => l.Field).ShouldBe(["Team", "Assignee", "Owner", "Category", "Tags", "Status", "Automation", "Automation"], ignoreOrder: true);
        lines.ShouldAllBe(l => l.Reason == "Billing questions");
        lines.Where(l => l.Field == "Automation").Select(l => (l.OldValue, l.NewValue)).ShouldBe([("Note", null), ("Notified", "Bea")]);
    }

    [Fact]
    public async Task RulesRunInOrder_EachSeeingTheChangesOfTheOnesBefore()
    {
        var categorise = await world.AddRuleAsync("Refunds are billing", RuleTrigger.TicketCreated,
            [new(ConditionField.Message, ConditionOperator.Contains, "refund")], [new("set-category", "Billing")]);
        await world.AddRuleAsync("Billing category to the Billing team", RuleTrigger.TicketCreated,
            [new(ConditionField.Category, ConditionOperator.Is, "billing")], [new("set-team", world.Id.Billing.ToString())]);

        var first = await world.NewTicketAsync(world.Id.Casey, "Money back", "I want a refund please");
        (await world.ReadAsync(first)).TeamId.ShouldBe(world.Id.Billing);

        // Moved below the rule that needs its category, the first rule comes too late for it.
        (await world.Rules.MoveAsync(categorise, up: false)).Succeeded.ShouldBeTrue();
        var second = await world.NewTicketAsync(world.Id.Casey, "Money back", "I want a refund please");
        var read = await world.ReadAsync(second);
        (read.Category, read.TeamId).ShouldBe(("Billing", (int?)null));
    }

    [Fact]
    public async Task ARuleThatStopsProcessing_KeepsTheRulesBelowFromRunning_OnlyWhenItFired()
    {
        await world.AddRuleAsync("VIP first", RuleTrigger.TicketCreated, [Vip], [new("add-tag", "vip")], stop: true);
        await world.AddRuleAsync("Tag everything", RuleTrigger.TicketCreated, [], [new("add-tag", "seen")]);

        var vip = await world.NewTicketAsync(world.Id.Vera);
        var other = await world.NewTicketAsync(world.Id.Casey);

        (await world.ReadAsync(vip)).Tags.Select(t => t.Tag).ShouldBe(["vip"]);
        (await world.ReadAsync(other)).Tags.Select(t => t.Tag).ShouldBe(["seen"]);
    }

    [Fact]
    public async Task ADisabledRule_DoesNothing_UntilItIsEnabled()
    {
        var rule = await world.AddRuleAsync("Spanish tag", RuleTrigger.TicketCreated, [new(ConditionField.Language, ConditionOperator.Is, "es")],
            [new("add-tag", "español")], enabled: false);

        var before = await world.NewTicketAsync(world.Id.Sofia, "Ayuda", "Hola", language: "es");
        (await world.Rules.SetEnabledAsync(rule, true)).Succeeded.ShouldBeTrue();
        var after = await world.NewTicketAsync(world.Id.Sofia, "Ayuda", "Hola", language: "es");

        (await world.ReadAsync(before)).Tags.ShouldBeEmpty();
        (await world.ReadAsync(after)).Tags.Select(t => t.Tag).ShouldBe(["español"]);
    }

    [Fact]
    public async Task TwoRulesThatWouldPingPong_EachRunOnce_BecauseRuleChangesNeverTriggerRules()
    {
        await world.AddRuleAsync("On hold means open", RuleTrigger.StatusChanged,
            [new(ConditionField.Status, ConditionOperator.Is, "OnHold")], [new("set-status", "Open")]);
        await world.AddRuleAsync("Open means on hold", RuleTrigger.StatusChanged,
            [new(ConditionField.Status, ConditionOperator.Is, "Open")], [new("set-status", "OnHold")]);
        var ticket = await world.NewTicketAsync(world.Id.Casey);

        (await world.Tickets.ExecuteAsync(await world.ScopeAsync(world.Id.Ana), ticket, new SetStatus(TicketStatus.Open, TicketStatus.OnHold))).Succeeded.ShouldBeTrue();
        await world.RulesCaughtUpAsync();

        // On the agent's change the rules run once each, in order (the second sees the first's change); their own
        // status changes set off nothing more. Without that protection they would go on until the firing cap.
        (await world.RuleLinesAsync(ticket)).Select(l => (l.Field, l.OldValue, l.NewValue, l.Reason)).ShouldBe([
            ("Status", "On hold", "Open", "On hold means open"),
            ("Status", "Open", "On hold", "Open means on hold"),
        ]);
        (await world.ReadAsync(ticket)).Status.ShouldBe(TicketStatus.OnHold);
    }

    [Fact]
    public async Task TheFiringCap_StopsRulesOnABusyTicket_AndSaysSoInItsHistoryOnce()
    {
        // The world allows 3 firings per ticket per hour.
        await world.AddRuleAsync("Note every reply", RuleTrigger.CustomerMessage, [], [new("add-note", "The customer wrote again.")]);
        var ticket = await world.NewTicketAsync(world.Id.Casey);

        for (var i = 0; i < 5; i++)
        {
            (await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Casey, $"Any news? ({i})", null)).Succeeded.ShouldBeTrue();
        }
        await world.RulesCaughtUpAsync();

        await using var db = world.Db();
        (await db.Messages.CountAsync(m => m.TicketId == ticket && m.AuthorKind == AuthorKind.System)).ShouldBe(3);
        var limit = (await world.RuleLinesAsync(ticket)).Where(l => l.OldValue == AutomationHistory.LimitReached).ShouldHaveSingleItem();
        (limit.NewValue, limit.Reason).ShouldBe(("3", "Note every reply"));

        // An hour later the ticket has room again.
        world.Clock.Advance(TimeSpan.FromMinutes(61));
        (await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Casey, "Hello?", null)).Succeeded.ShouldBeTrue();
        await world.RulesCaughtUpAsync();
        (await db.Messages.CountAsync(m => m.TicketId == ticket && m.AuthorKind == AuthorKind.System)).ShouldBe(4);
    }

    [Fact]
    public async Task CustomerMessageRules_LookAtThatMessage_AndNotAtTheOneThatOpenedTheTicket()
    {
        await world.AddRuleAsync("Angry customer", RuleTrigger.CustomerMessage,
            [new(ConditionField.Message, ConditionOperator.Contains, "cancel my account")], [new("set-priority", "Urgent")]);
        var ticket = await world.NewTicketAsync(world.Id.Casey, "Bye", "I will cancel my account");
        (await world.ReadAsync(ticket)).Priority.ShouldBe(TicketPriority.Normal);

        await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Casey, "Thanks for the reply.", null);
        await world.RulesCaughtUpAsync();
        (await world.ReadAsync(ticket)).Priority.ShouldBe(TicketPriority.Normal);

        await world.Tickets.AddCustomerMessageAsync(ticket, world.Id.Casey, "Please CANCEL my account now.", null);
        await world.RulesCaughtUpAsync();
        (await world.ReadAsync(ticket)).Priority.ShouldBe(TicketPriority.Urgent);
    }

    [Fact]
    public async Task AnSlaWarning_FiresItsRules_WhenTheTargetIsAtRisk()
    {
        await world.AddRuleAsync("Escalate at risk", RuleTrigger.SlaWarning, [], [new("set-priority", "Urgent"), new("notify", world.Id.Tom)]);
        var ticket = await world.NewTicketAsync(world.Id.Casey);
        await SlaStateAsync(ticket);

        await world.AdvanceAsync(TimeSpan.FromMinutes(46)); // first response in 60 min, at risk at 45
        await AutomationWorld.WaitUntilAsync(async () => (await world.NotificationsAsync(world.Id.Tom)).Count > 0, "the at-risk rule ran");

        var number = (await world.ReadAsync(ticket)).Number;
        (await world.ReadAsync(ticket)).Priority.ShouldBe(TicketPriority.Urgent);
        (await world.NotificationsAsync(world.Id.Tom)).ShouldBe([$"Rule “Escalate at risk” flagged #{number}"]);
    }

    [Fact]
    public async Task BusinessHours_AreThoseOfTheTicketsCalendar_AtTheTimeOfTheTrigger()
    {
        await world.AddRuleAsync("After hours", RuleTrigger.TicketCreated, [new(ConditionField.BusinessHours, ConditionOperator.Is, "false")],
            [new("add-tag", "after-hours")]);

        var inside = await world.NewTicketAsync(world.Id.Casey); // Monday 10:00 in Madrid
        world.Clock.Advance(TimeSpan.FromHours(9)); // 19:00, closed since 18:00
        var outside = await world.NewTicketAsync(world.Id.Casey);

        (await world.ReadAsync(inside)).Tags.ShouldBeEmpty();
        (await world.ReadAsync(outside)).Tags.Select(t => t.Tag).ShouldBe(["after-hours"]);
    }

    private async Task SlaStateAsync(int ticket) =>
        await AutomationWorld.WaitUntilAsync(async () =>
        {
            await using var db = world.Db();
            return await db.SlaStates.AnyAsync(s => s.TicketId == ticket);
        }, "the ticket's SLA clock started");
}
