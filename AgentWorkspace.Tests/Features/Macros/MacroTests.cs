using AgentWorkspace.Data;
using AgentWorkspace.Features.Canned;
using AgentWorkspace.Features.Macros;
using AgentWorkspace.Features.Tickets;
using AgentWorkspace.Tests.Features.Canned;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Macros;

/// <summary>Macros on real tickets: one change with one history reason, all of it or nothing, and no lost updates.</summary>
public sealed class MacroTests : CannedTest
{
    private async Task<int> RefundMacroAsync(int? cannedId = null, TicketStatus status = TicketStatus.WaitingOnCustomer)
    {
        await AddBenAndRitaAsync();
        var saved = await Macros.SaveAsync(Supervisor, new MacroDraft(0, "Refund approved", status, TicketPriority.High, "refund, approved", "new",
            null, MacroAssignee.Me, null, cannedId, Sharing.Shared, null));
        saved.Succeeded.ShouldBeTrue(saved.Problem?.Message);
        return saved.Id!.Value;
    }

    private async Task<(Ticket Ticket, List<TicketEvent> Events)> StoredAsync(int ticketId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Tags).SingleAsync(t => t.Id == ticketId);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.Id).ToListAsync();
        return (ticket, events);
    }

    [Fact]
    public async Task ApplyingAMacro_MakesAllItsChanges_EachInTheHistoryAsTheAgentsViaTheMacro()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        (await Tickets.ExecuteAsync(Ana, ticket.Id, new AddTag("new"))).Succeeded.ShouldBeTrue();
        var reply = await SaveAsync("refund", "Hi {{customer.first_name | there}}, your refund is approved.");
        var macro = await RefundMacroAsync(reply);
        var before = await StoredAsync(ticket.Id);

        var plan = (await Macros.PreviewAsync(AnaActor, Ana, macro, ticket.Id)).ShouldNotBeNull();
        plan.Changes.Select(c => c.Field).ShouldBe(["Assignee", "Status", "Priority", "TagAdded", "TagAdded", "TagRemoved"]);
        plan.Reply!.Text.ShouldBe("Hi Maria, your refund is approved.");

        var result = await Macros.ApplyAsync(AnaActor, Ana, macro, ticket.Id, before.Ticket.Version);

        result.Succeeded.ShouldBeTrue(result.Error);
        result.Applied!.Reply!.Text.ShouldBe("Hi Maria, your refund is approved.");
        var (after, events) = await StoredAsync(ticket.Id);
        after.Status.ShouldBe(TicketStatus.WaitingOnCustomer);
        after.Priority.ShouldBe(TicketPriority.High);
        after.AssigneeId.ShouldBe(Ana.AgentId);
        after.Tags.Select(t => t.Tag).Order().ShouldBe(["approved", "refund"]);
        after.Version.ShouldBe(before.Ticket.Version + 1);
        var macroEvents = events.Skip(before.Events.Count).Where(e => e.Field != "Owner").ToList();
        macroEvents.Select(e => e.Field).ShouldBe(["Assignee", "Status", "Priority", "Tags", "Tags", "Tags"]);
        macroEvents.ShouldAllBe(e => e.Reason == "macro: Refund approved" && e.ActorAgentId == Ana.AgentId && e.ActorKind == AuthorKind.Agent);
        (await Macros.ListAsync(AnaActor)).Single().UsageCount.ShouldBe(1);
        (await Canned.FindAsync(AnaActor, reply))!.UsageCount.ShouldBe(1);
    }

    [Fact]
    public async Task ATicketThatChangedSinceThePreview_IsAConflict_AndNothingIsApplied()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        var macro = await RefundMacroAsync();
        var seen = (await StoredAsync(ticket.Id)).Ticket.Version;
        (await Tickets.ExecuteAsync(Lucas, ticket.Id, new SetCategory(null, "billing"))).Succeeded.ShouldBeTrue();
        var before = await StoredAsync(ticket.Id);

        var result = await Macros.ApplyAsync(AnaActor, Ana, macro, ticket.Id, seen);

        result.Outcome.ShouldBe(CommandOutcome.Conflict);
        var after = await StoredAsync(ticket.Id);
        after.Ticket.Version.ShouldBe(before.Ticket.Version);
        after.Ticket.Status.ShouldBe(TicketStatus.Open);
        after.Ticket.Priority.ShouldBe(TicketPriority.Normal);
        after.Ticket.Tags.ShouldBeEmpty();
        after.Events.Count.ShouldBe(before.Events.Count);
    }

    [Fact]
    public async Task WhenOneChangeIsRefused_NoneOfTheOthersIsApplied()
    {
        var ticket = (await CreateTicketAsync()).Ticket;
        (await Tickets.ExecuteAsync(Ana, ticket.Id, new SetStatus(TicketStatus.Open, TicketStatus.Closed))).Succeeded.ShouldBeTrue();
        // Closed is final: the status change is refused, so the priority, tags and assignee must not change either.
        var macro = await RefundMacroAsync(status: TicketStatus.Open);
        var before = await StoredAsync(ticket.Id);

        var result = await Macros.ApplyAsync(AnaActor, Ana, macro, ticket.Id, before.Ticket.Version);

        result.Outcome.ShouldBe(CommandOutcome.Invalid);
        var after = await StoredAsync(ticket.Id);
        after.Ticket.Priority.ShouldBe(TicketPriority.Normal);
        after.Ticket.AssigneeId.ShouldBeNull();
        after.Ticket.Tags.ShouldBeEmpty();
        after.Events.Count.ShouldBe(before.Events.Count);
        after.Ticket.Version.ShouldBe(before.Ticket.Version);
    }

    [Fact]
    public async Task APersonalMacro_IsNotVisibleOrApplicableByOthers_AndASharedMacroCannotUseAPersonalReply()
    {
        var ben = await AddBenAndRitaAsync();
        var ticket = (await CreateTicketAsync()).Ticket;
        var mine = await Macros.SaveAsync(AnaActor, new MacroDraft(0, "My triage", null, TicketPriority.Low, null, null, null, MacroAssignee.Keep, null, null, Sharing.Personal, null));
        mine.Succeeded.ShouldBeTrue(mine.Problem?.Message);

        (await Macros.ListAsync(LucasActor)).ShouldBeEmpty();
        (await Macros.ListAsync(ben)).ShouldBeEmpty();
        (await Macros.PreviewAsync(LucasActor, Lucas, mine.Id!.Value, ticket.Id)).ShouldBeNull();
        (await Macros.ApplyAsync(LucasActor, Lucas, mine.Id.Value, ticket.Id, 0)).Outcome.ShouldBe(CommandOutcome.NotFound);

        var personalReply = await SaveAsync("private", "Private words.", sharing: Sharing.Personal, by: AnaActor);
        var shared = await Macros.SaveAsync(Supervisor, new MacroDraft(0, "Leaky", null, null, null, null, null, MacroAssignee.Keep, null, personalReply, Sharing.Shared, null));
        shared.Problem!.Key.ShouldBe("NotFound");
    }

    [Theory]
    [InlineData("Bad\u0001name", "refund", "TextControlCharacter")]
    [InlineData("Fine", "not a tag!", "BadTag")]
    [InlineData("Fine", "vip", "TagAddedAndRemoved")]
    public async Task BadMacros_AreRefused(string name, string addTags, string key)
    {
        var saved = await Macros.SaveAsync(Supervisor, new MacroDraft(0, name, null, null, addTags, "vip", null, MacroAssignee.Keep, null, null, Sharing.Shared, null));

        saved.Problem.ShouldNotBeNull().Key.ShouldBe(key);
    }

    [Fact]
    public async Task TheTimeline_SaysAMacroDidIt_InTheAgentsLanguage()
    {
        UseLanguage("es");
        var change = new TicketChange("Priority", "Normal", "High", "macro: Reembolso aprobado");
        var timeline = Render<TicketTimeline>(p => p.Add(t => t.Entries, []));

        timeline.Instance.ReasonOf(change).ShouldBe("con la macro «Reembolso aprobado»");
    }
}
