using AgentWorkspace.Features.Tickets;
using Bunit;
using AgentWorkspace.Tests.Features.Tickets;

namespace AgentWorkspace.Tests.Features.Routing;

/// <summary>An automatic assignment's reason in the ticket's history, as the timeline tells it.</summary>
public sealed class RoutingTimelineTests : TicketPageTest
{
    private async Task<List<string>> AutoAssignedLinesAsync()
    {
        var details = await CreateTicketAsync();
        (await Tickets.DecideAsSystemAsync(details.Ticket.Id, (_, ticket) =>
            Task.FromResult<IReadOnlyList<SystemStep>>([new SystemStep(new Assign(ticket.AssigneeId, Lucas.AgentId), "least loaded; skills: es, billing")])))
            .Succeeded.ShouldBeTrue();
        var read = await ReadAsync(details.Ticket.Number);
        var timeline = Render<TicketTimeline>(p => p.Add(t => t.Entries, read.Timeline));
        return timeline.FindAll("li[data-kind=event]").Select(e => e.TextContent).ToList();
    }

    [Fact]
    public async Task AnAutomaticAssignment_ShowsItsReasonInEnglish()
    {
        (await AutoAssignedLinesAsync()).ShouldContain(e => e.Contains("least loaded, skills: es, billing"));
    }

    [Fact]
    public async Task AnAutomaticAssignment_ShowsItsReasonInSpanish()
    {
        UseLanguage("es");
        var lines = await AutoAssignedLinesAsync();
        lines.ShouldContain(e => e.Contains("el menos cargado, habilidades: es, billing") && e.Contains(LucasName));
    }
}
