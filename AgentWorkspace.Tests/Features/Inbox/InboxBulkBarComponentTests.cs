using AgentWorkspace.Components;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Bunit;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The bulk bar: each choice is raised once with its value, in the agent's language.</summary>
public sealed class InboxBulkBarComponentTests : PopoverComponentTest
{
    private static readonly IReadOnlyList<Option<string>> Agents = [new("agent-ana", "Ana García (me)"), new("agent-ben", "Ben Okafor")];

    private readonly List<string> raised = [];

    private IRenderedComponent<InboxBulkBar> RenderBar(int count = 2) => Render<InboxBulkBar>(p => p
        .Add(b => b.Count, count)
        .Add(b => b.Agents, Agents)
        .Add(b => b.OnAssign, (string? agent) => raised.Add($"assign:{agent}"))
        .Add(b => b.OnStatus, (TicketStatus status) => raised.Add($"status:{status}"))
        .Add(b => b.OnPriority, (TicketPriority priority) => raised.Add($"priority:{priority}"))
        .Add(b => b.OnTag, (string tag) => raised.Add($"tag:{tag}"))
        .Add(b => b.OnClear, () => raised.Add("clear")));

    [Fact]
    public void ChoosingAnAgentAStatusOrAPriority_RaisesThatChoice()
    {
        var bar = RenderBar();

        Choose(bar, "bulk-assign", "Ben Okafor");
        Choose(bar, "bulk-status", "Waiting on customer");
        Choose(bar, "bulk-priority", "Urgent");

        raised.ShouldBe(["assign:agent-ben", "status:WaitingOnCustomer", "priority:Urgent"]);
    }

    [Fact]
    public void AddTag_IsOffUntilATagIsTyped_ThenRaisesItTrimmed()
    {
        var bar = RenderBar();
        bar.Find("[data-testid=bulk-add-tag]").HasAttribute("disabled").ShouldBeTrue();

        bar.Find("input[data-testid=bulk-tag]").Input("  refund ");
        bar.Find("[data-testid=bulk-add-tag]").Click();

        raised.ShouldBe(["tag:refund"]);
        bar.Find("input[data-testid=bulk-tag]").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public void ClearSelection_RaisesClear()
    {
        RenderBar().Find("[data-testid=bulk-clear]").Click();

        raised.ShouldBe(["clear"]);
    }

    [Fact]
    public void TheCountAndTheChoices_AreInTheAgentsLanguage()
    {
        RenderBar(1).Find("[data-testid=bulk-count]").TextContent.ShouldBe("1 selected");
        RenderBar(2).Find("[data-testid=bulk-count]").TextContent.ShouldBe("2 selected");

        UseLanguage("es");
        var bar = RenderBar(3);

        bar.Find("[data-testid=bulk-count]").TextContent.ShouldBe("3 seleccionados");
        bar.FindAll("label").Select(l => l.TextContent.Trim()).ShouldBe(["Asignar a", "Cambiar estado", "Cambiar prioridad", "Etiqueta"]);
        Choose(bar, "bulk-priority", "Urgente");
        raised.ShouldBe(["priority:Urgent"]);
    }
}
