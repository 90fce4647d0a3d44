using AgentWorkspace.Components;
using AgentWorkspace.Features.Tickets;
using Bunit;
using MudBlazor;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>The property panel on a real ticket: a change to a field someone else changed meanwhile is refused and said so.</summary>
public sealed class TicketPropertiesTests : TicketPageTest
{
    private int conflicts;

    private IRenderedComponent<TicketProperties> RenderPanel(Ticket ticket) =>
        Render<TicketProperties>(p => p
            .Add(t => t.Conflicted, () => conflicts++)
            .Add(t => t.Ticket, ticket)
            .Add(t => t.Scope, Ana)
            .Add(t => t.Agents, [new Option<string>(Ana.AgentId, AnaName), new Option<string>(Lucas.AgentId, LucasName)])
            .Add(t => t.Teams, [new Option<int?>(Ana.TeamIds[0], "Billing & Accounts")]));

    /// <summary>Opens a MudSelect by its data-testid and clicks the option with this text, as an agent would.</summary>
    private static void Choose(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<TicketProperties> panel, string testId, string option)
    {
        panel.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForElements(".mud-list-item").Single(item => item.TextContent.Trim() == option).Click();
    }

    [Fact]
    public async Task ChangingAStatusSomeoneElseJustChanged_ShowsTheConflict_AndKeepsTheirChange()
    {
        var popovers = Render<MudPopoverProvider>();
        var seenByAna = (await CreateTicketAsync()).Ticket;
        var panel = RenderPanel(seenByAna);
        panel.Find("[data-testid=prop-status]").GetAttribute("value").ShouldBe("Open");
        (await Tickets.ExecuteAsync(Lucas, seenByAna.Id, new SetStatus(TicketStatus.Open, TicketStatus.OnHold))).Succeeded.ShouldBeTrue();

        Choose(popovers, panel, "prop-status", "Resolved");

        panel.WaitForAssertion(() => panel.Find("[data-testid=prop-conflict]").TextContent
            .ShouldContain("Someone else changed the status meanwhile"));
        (await ReadAsync(seenByAna.Number)).Ticket.Status.ShouldBe(TicketStatus.OnHold);
        conflicts.ShouldBe(1, "the page is asked to read the ticket again, to show the other agent's value");
    }

    [Fact]
    public async Task AChangeNobodyElseTouched_IsSaved_WithoutAConflict()
    {
        var popovers = Render<MudPopoverProvider>();
        var ticket = (await CreateTicketAsync()).Ticket;
        var panel = RenderPanel(ticket);

        Choose(popovers, panel, "prop-priority", "High");

        await WaitUntilAsync(async () => (await ReadAsync(ticket.Number)).Ticket.Priority == TicketPriority.High);
        panel.FindAll("[data-testid=prop-conflict]").ShouldBeEmpty();
        conflicts.ShouldBe(0);
    }

    [Fact]
    public async Task TheConflict_IsSaidInTheAgentsLanguage()
    {
        UseLanguage("es");
        var popovers = Render<MudPopoverProvider>();
        var seenByAna = (await CreateTicketAsync()).Ticket;
        var panel = RenderPanel(seenByAna);
        panel.Find("[data-testid=prop-assignee]").GetAttribute("value").ShouldBe("Sin asignar");
        (await Tickets.ExecuteAsync(Lucas, seenByAna.Id, new Assign(null, Lucas.AgentId))).Succeeded.ShouldBeTrue();

        Choose(popovers, panel, "prop-assignee", AnaName);

        panel.WaitForAssertion(() => panel.Find("[data-testid=prop-conflict]").TextContent
            .ShouldContain("Otra persona cambió la asignación mientras tanto"));
        (await ReadAsync(seenByAna.Number)).Ticket.AssigneeId.ShouldBe(Lucas.AgentId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the change was not saved in time");
            await Task.Delay(20);
        }
    }
}
