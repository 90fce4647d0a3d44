using AgentWorkspace.Components;
using AgentWorkspace.Features.Inbox;
using AgentWorkspace.Features.Tickets;
using Bunit;

namespace AgentWorkspace.Tests.Features.Inbox;

/// <summary>The inbox filters: every choice raises the changed filter at once, in the agent's language.</summary>
public sealed class InboxFiltersComponentTests : PopoverComponentTest
{
    private static readonly IReadOnlyList<Option<string>> Agents = [new("agent-ana", "Ana García (me)"), new("agent-ben", "Ben Okafor")];
    private static readonly IReadOnlyList<(int Id, string Name)> Teams = [(7, "Billing & Accounts"), (9, "Technical Support")];

    private readonly List<InboxFilter> raised = [];

    private IRenderedComponent<InboxFilters> RenderFilters(InboxFilter filter) => Render<InboxFilters>(p => p
            .Add(f => f.Filter, filter)
            .Add(f => f.Agents, Agents)
            .Add(f => f.Teams, Teams)
            .Add(f => f.FilterChanged, changed => raised.Add(changed)));

    [Fact]
    public void ChoosingAStatus_RaisesTheFilterWithThatStatus_AndKeepsTheView()
    {
        var filters = RenderFilters(new InboxFilter { View = InboxView.Mine, Sort = InboxSort.Priority });

        Choose(filters, "filter-status", "Waiting on customer");

        var changed = raised.ShouldHaveSingleItem();
        changed.Statuses.ShouldBe([TicketStatus.WaitingOnCustomer]);
        changed.View.ShouldBe(InboxView.Mine);
        changed.Sort.ShouldBe(InboxSort.Priority);
    }

    [Fact]
    public void ChoosingAnotherPriority_AddsItToThoseAlreadyChosen()
    {
        var filters = RenderFilters(new InboxFilter { Priorities = [TicketPriority.High] });

        Choose(filters, "filter-priority", "Urgent");

        raised.ShouldHaveSingleItem().Priorities.ShouldBe([TicketPriority.High, TicketPriority.Urgent], ignoreOrder: true);
    }

    [Fact]
    public void ChoosingAnAssigneeOrATeam_RaisesTheirIds()
    {
        var filters = RenderFilters(new InboxFilter());

        Choose(filters, "filter-assignee", "Ben Okafor");
        Choose(filters, "filter-team", "Technical Support");

        raised.Count.ShouldBe(2);
        raised[0].AssigneeId.ShouldBe("agent-ben");
        raised[1].TeamId.ShouldBe(9);
    }

    [Fact]
    public void ATag_IsAppliedWhenTheFieldChanges_AndABlankOneClearsIt()
    {
        var filters = RenderFilters(new InboxFilter { Tag = "vip" });
        var tag = filters.Find("input[data-testid=filter-tag]");

        tag.Change("refund");
        tag.Change("   ");

        raised.Select(f => f.Tag).ShouldBe(["refund", null]);
    }

    [Fact]
    public void ClearFilters_DropsEveryFilter_ButKeepsTheViewAndTheSort()
    {
        var filters = RenderFilters(new InboxFilter
        {
            View = InboxView.Team,
            ViewTeamId = 7,
            Sort = InboxSort.Created,
            Statuses = [TicketStatus.Open],
            Tag = "vip",
            AssigneeId = "agent-ana",
        });

        filters.Find("[data-testid=clear-filters]").Click();

        raised.ShouldHaveSingleItem().ShouldBe(new InboxFilter { View = InboxView.Team, ViewTeamId = 7, Sort = InboxSort.Created });
    }

    [Fact]
    public void ASpanishSpeakingAgent_SeesTheFiltersAndTheirChoicesInSpanish()
    {
        UseLanguage("es");
        var filters = RenderFilters(new InboxFilter());

        var labels = filters.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        labels.ShouldContain("Estado");
        labels.ShouldContain("Prioridad");
        labels.ShouldContain("Canal");
        labels.ShouldContain("Creado desde");
        filters.Find("[data-testid=clear-filters]").TextContent.ShouldContain("Quitar filtros");

        Choose(filters, "filter-status", "Esperando al cliente");

        raised.ShouldHaveSingleItem().Statuses.ShouldBe([TicketStatus.WaitingOnCustomer]);
    }
}
