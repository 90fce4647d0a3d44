using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Infrastructure;
using Bunit;

namespace AgentWorkspace.Tests.Features.Automation;

/// <summary>A rule's lines in the ticket timeline: the rule is the actor, named as it was, in the agent's language.</summary>
public sealed class RuleHistoryTextTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static TimelineEntry Line(string field, string? oldValue, string? newValue, int? ruleId = 4, string? reason = "VIP to priority") =>
        new(At, 0, AuthorKind.System, MessageVisibility.Internal, null, "System", null, new TicketChange(field, oldValue, newValue, reason, ruleId));

    private IReadOnlyList<string> Lines(params TimelineEntry[] entries) =>
        Render<TicketTimeline>(p => p.Add(t => t.Entries, entries)).FindAll("li.aw-event > span:first-child").Select(s => s.TextContent.Trim()).ToList();

    [Fact]
    public void InEnglish_TheRuleIsTheActor_OfPropertyChangesAndOfItsOwnLines()
    {
        Lines(
            Line("Priority", "Normal", "High"),
            Line("Tags", null, "+vip"),
            Line("Automation", "Note", null),
            Line("Automation", "Notified", "Ana, Tom"),
            Line("Automation", "Limit", "20"),
            Line("Priority", "High", "Urgent", ruleId: null, reason: null)).ShouldBe([
                "Rule “VIP to priority” changed priority from Normal to High",
                "Rule “VIP to priority” added tag vip",
                "Rule “VIP to priority” added an internal note",
                "Rule “VIP to priority” notified Ana, Tom",
                "Rule “VIP to priority” was not run: this ticket reached the limit of 20 rule runs per hour",
                "System changed priority from High to Urgent",
            ]);
    }

    [Fact]
    public void InSpanish_TheSameLinesReadInSpanish_WithTheRulesNameAsStored()
    {
        UseLanguage("es");

        Lines(Line("Priority", "Normal", "High"), Line("Automation", "Note", null), Line("Automation", "Notified", "Ana")).ShouldBe([
            "La regla “VIP to priority” cambió la prioridad de Normal a Alta",
            "La regla “VIP to priority” añadió una nota interna",
            "La regla “VIP to priority” notificó a Ana",
        ]);
    }

    [Fact]
    public void ARulesLine_ShowsNoSeparateReason_ItsNameIsAlreadyTheActor() =>
        Render<TicketTimeline>(p => p.Add(t => t.Entries, [Line("Priority", "Normal", "High")])).FindAll(".aw-event-reason").ShouldBeEmpty();
}
