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
}
