using AgentWorkspace.Features.Automation;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>Triggers are read from the database: nothing stored while the runner was down is lost, nothing runs twice.</summary>
public sealed class AutomationDurabilityTests : IAsyncLifetime
{
    private AutomationWorld world = null!;

    public async Task InitializeAsync() => world = await AutomationWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task TicketsCreatedWhileTheRunnerWasStopped_GetTheirRulesOnStart_ExactlyOnce()
    {
        await world.AddRuleAsync("VIP note", RuleTrigger.TicketCreated, [new(ConditionField.CustomerVip, ConditionOperator.Is, "true")],
            [new("set-priority", "High"), new("add-tag", "vip"), new("add-note", "VIP customer: answer within the hour.")]);
        await world.Host.StopAsync();

        // The app is down for rules (a host whose background services never started writes the tickets meanwhile).
        var down = await world.StartHostAsync(start: false);
        var tickets = down.Services.GetRequiredService<TicketService>();
        var numbers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var created = await tickets.CreateTicketAsync(new NewTicket(world.Id.Vera, $"Down {i}", "Hello", TicketChannel.Email));
            numbers.Add(created.TicketNumber!.Value);
        }
        await using (var db = world.Db())
        {
            (await db.Tickets.CountAsync(t => t.Priority == TicketPriority.High)).ShouldBe(0);
        }

        await world.RestartAsync();
        await world.RulesCaughtUpAsync();
        await AssertAppliedOnceAsync(numbers);

        // Read again from the start (a lost cursor, a second node): the firing records keep every rule to once.
        await world.Host.StopAsync();
        await using (var db = world.Db())
        {
            await db.Set<AutomationCursor>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0L));
        }
        await world.RestartAsync();
        await world.RulesCaughtUpAsync();
        await AssertAppliedOnceAsync(numbers);
    }

    [Fact]
    public async Task TheFirstStartEver_DoesNotRunRulesOnOldHistory()
    {
        var old = await world.NewTicketAsync(world.Id.Vera);
        await world.Host.StopAsync();
        await using (var db = world.Db())
        {
            await db.Set<AutomationCursor>().ExecuteDeleteAsync();
        }
        await world.AddRuleAsync("VIP", RuleTrigger.TicketCreated, [], [new("add-tag", "vip")]);

        await world.RestartAsync();
        var fresh = await world.NewTicketAsync(world.Id.Vera);

        (await world.ReadAsync(old)).Tags.ShouldBeEmpty();
        (await world.ReadAsync(fresh)).Tags.Select(t => t.Tag).ShouldBe(["vip"]);
    }

    private async Task AssertAppliedOnceAsync(List<int> numbers)
    {
        await using var db = world.Db();
        foreach (var number in numbers)
        {
            var ticket = await db.Tickets.AsNoTracking().Include(t => t.Tags).SingleAsync(t => t.Number == number);
            ticket.Priority.ShouldBe(TicketPriority.High);
            ticket.Tags.Select(t => t.Tag).ShouldBe(["vip"]);
            (await db.Messages.CountAsync(m => m.TicketId == ticket.Id && m.AuthorKind == AuthorKind.System)).ShouldBe(1);
            (await db.TicketEvents.CountAsync(e => e.TicketId == ticket.Id && e.RuleId != null && e.Field == "Priority")).ShouldBe(1);
        }
    }
}
