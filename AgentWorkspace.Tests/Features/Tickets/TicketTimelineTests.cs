using AgentWorkspace.Features.Sla;
using AgentWorkspace.Features.Tickets;
using Bunit;

namespace AgentWorkspace.Tests.Features.Tickets;

/// <summary>The timeline on a real ticket: notes never look like public replies; history speaks the agent's language.</summary>
public sealed class TicketTimelineTests : TicketPageTest
{
    private async Task<TicketDetails> ConversationAsync()
    {
        var details = await CreateTicketAsync();
        (await Tickets.AddAgentMessageAsync(Ana, details.Ticket.Id, new AgentMessage("We are refunding the second charge.", MessageVisibility.Public))).Succeeded.ShouldBeTrue();
        (await Tickets.AddAgentMessageAsync(Ana, details.Ticket.Id, new AgentMessage("Ledger shows two captures.", MessageVisibility.Internal))).Succeeded.ShouldBeTrue();
        return await ReadAsync(details.Ticket.Number);
    }

    private IRenderedComponent<TicketTimeline> RenderTimeline(TicketDetails details) =>
        Render<TicketTimeline>(p => p.Add(t => t.Entries, details.Timeline).Add(t => t.CurrentAgentId, Ana.AgentId));

    [Fact]
    public async Task AnInternalNote_CarriesItsOwnClassAndLabel_AndIsNotStyledAsAPublicReply()
    {
        var timeline = RenderTimeline(await ConversationAsync());

        var note = timeline.FindAll("li[data-seq]").Single(li => li.TextContent.Contains("Ledger shows two captures."));
        note.GetAttribute("data-kind").ShouldBe("note");
        note.ClassList.ShouldContain("aw-message-note");
        note.ClassList.ShouldNotContain("aw-message-agent");
        note.QuerySelector(".aw-note-label").ShouldNotBeNull().TextContent.Trim().ShouldBe("Internal note");

        var reply = timeline.FindAll("li[data-seq]").Single(li => li.TextContent.Contains("We are refunding the second charge."));
        reply.GetAttribute("data-kind").ShouldBe("agent");
        reply.ClassList.ShouldContain("aw-message-agent");
        reply.ClassList.ShouldNotContain("aw-message-note");
        reply.QuerySelector(".aw-note-label").ShouldBeNull();
    }

    [Fact]
    public async Task ASpanishSpeakingAgent_SeesTheNoteLabelInSpanish()
    {
        UseLanguage("es");
        var timeline = RenderTimeline(await ConversationAsync());

        timeline.Find("li[data-kind=note] .aw-note-label").TextContent.Trim().ShouldBe("Nota interna");
    }

    [Fact]
    public async Task History_NamesKnownStatusesPrioritiesAndChannelsInTheAgentsLanguage_AndKeepsPeoplesWordsAsStored()
    {
        var details = await CreateTicketAsync();
        var id = details.Ticket.Id;
        (await Tickets.ExecuteAsync(Ana, id, new SetStatus(TicketStatus.Open, TicketStatus.OnHold))).Succeeded.ShouldBeTrue();
        (await Tickets.ExecuteAsync(Ana, id, new SetPriority(TicketPriority.Normal, TicketPriority.Urgent))).Succeeded.ShouldBeTrue();
        (await Tickets.ExecuteAsync(Ana, id, new Assign(null, Lucas.AgentId))).Succeeded.ShouldBeTrue();
        (await Tickets.ExecuteAsync(Ana, id, new SetCategory(null, "Double charge"))).Succeeded.ShouldBeTrue();
        (await Tickets.ExecuteAsync(Ana, id, new AddTag("refund"))).Succeeded.ShouldBeTrue();
        details = await ReadAsync(details.Ticket.Number);

        UseLanguage("es");
        var events = RenderTimeline(details).FindAll("li[data-kind=event]").Select(e => e.TextContent).ToList();

        events.ShouldContain(e => e.Contains("Sistema creó el ticket (Correo)"));
        events.ShouldContain(e => e.Contains($"{AnaName} cambió el estado de Abierto a En espera"));
        events.ShouldContain(e => e.Contains($"{AnaName} cambió la prioridad de Normal a Urgente"));
        events.ShouldContain(e => e.Contains($"{AnaName} cambió la asignación a {LucasName}"));
        events.ShouldContain(e => e.Contains($"{AnaName} cambió la categoría a Double charge"));
        events.ShouldContain(e => e.Contains($"{AnaName} añadió la etiqueta refund"));
    }

    [Fact]
    public async Task History_InEnglish_ReadsAsBefore()
    {
        var details = await CreateTicketAsync();
        (await Tickets.ExecuteAsync(Ana, details.Ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.WaitingOnCustomer))).Succeeded.ShouldBeTrue();

        var events = RenderTimeline(await ReadAsync(details.Ticket.Number)).FindAll("li[data-kind=event]").Select(e => e.TextContent).ToList();

        events.ShouldContain(e => e.Contains("System created the ticket (Email)"));
        events.ShouldContain(e => e.Contains($"{AnaName} changed status from Open to Waiting on customer"));
    }

    /// <summary>The SLA's lines exactly as the engine stores them (English, the policy's name in the reason).</summary>
    private static List<TimelineEntry> SlaLines()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        TimelineEntry Line(string field, string? from, string? to, string? reason) =>
            new(at, 0, AuthorKind.System, MessageVisibility.Public, null, "System", null, new TicketChange(field, from, to, reason));
        return
        [
            Line(SlaHistory.PolicyField, null, "Urgent", "Madrid office"),
            Line(SlaHistory.PolicyField, "Urgent", "High", "Priority changed to High"),
            Line(SlaHistory.ClockField, null, SlaHistory.Paused, "High: Waiting on customer"),
            Line(SlaHistory.FieldOf(SlaTargetKind.FirstResponse), null, SlaHistory.Breached, "High"),
            Line(SlaHistory.FieldOf(SlaTargetKind.Resolution), null, SlaHistory.Resumed, "High: reopened, 2 h 05 min of 16 h 00 min already spent"),
            Line(SlaHistory.PolicyField, "High", "Normal and low", "Policy Normal and low edited"),
            Line(SlaHistory.PolicyField, "Normal and low", null, "Some reason an admin typed"),
        ];
    }

    [Fact]
    public void SlaHistory_ReadsAsSentences_NotAsRawFieldsAndValues()
    {
        var events = Render<TicketTimeline>(p => p.Add(t => t.Entries, SlaLines()).Add(t => t.CurrentAgentId, Ana.AgentId))
            .FindAll("li[data-kind=event]").Select(e => $"{e.Children[0].TextContent} {e.QuerySelector(".aw-event-reason")?.TextContent}".Trim()).ToList();

        events[0].ShouldBe("System applied the SLA policy “Urgent” on the calendar “Madrid office”", "the calendar is said in the sentence, not repeated as a reason");
        events[1].ShouldContain("changed the SLA policy from “Urgent” to “High” — the priority changed to High");
        events[2].ShouldContain("paused the SLA clock — the policy “High” pauses in the status Waiting on customer");
        events[3].ShouldContain("recorded the first response target as breached — policy “High”");
        events[4].ShouldContain("restarted the resolution clock — “High”: reopened with 2 h 05 min of 16 h 00 min already spent");
        events[5].ShouldContain("— the policy “Normal and low” was edited");
        events[6].ShouldContain("removed the SLA policy “Normal and low”: no policy matches the ticket now — Some reason an admin typed");
        events.ShouldAllBe(e => !e.Contains("set sla", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SlaHistory_InSpanish_NamesTargetsStatusesAndPrioritiesInSpanish()
    {
        UseLanguage("es");
        var events = Render<TicketTimeline>(p => p.Add(t => t.Entries, SlaLines()).Add(t => t.CurrentAgentId, Ana.AgentId))
            .FindAll("li[data-kind=event]").Select(e => $"{e.Children[0].TextContent} {e.QuerySelector(".aw-event-reason")?.TextContent}".Trim()).ToList();

        events[0].ShouldContain("Sistema aplicó la política de SLA «Urgent» con el calendario «Madrid office»");
        events[1].ShouldContain("— la prioridad cambió a Alta");
        events[2].ShouldContain("pausó el reloj del SLA — la política «High» se pausa en el estado Esperando al cliente");
        events[3].ShouldContain("registró el incumplimiento del objetivo de primera respuesta — política «High»");
    }
}
