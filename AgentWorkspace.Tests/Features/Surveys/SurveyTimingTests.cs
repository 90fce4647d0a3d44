using AgentWorkspace.Features.Scheduling;
using AgentWorkspace.Features.Surveys;
using AgentWorkspace.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>When a survey is sent: an hour after an e-mail ticket's resolution, once per resolution, only if still resolved.</summary>
public sealed class SurveyTimingTests : IAsyncLifetime
{
    private SurveyWorld world = null!;

    public async Task InitializeAsync() => world = await SurveyWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task AResolvedEmailTicket_GetsItsSurveyAnHourLater_ByAnEmailQueuedInTheOutbox()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);

        await world.AdvanceAsync(TimeSpan.FromMinutes(59));
        (await world.SurveysAsync(ticket)).ShouldBeEmpty();

        await world.AdvanceAsync(TimeSpan.FromMinutes(1));
        var survey = (await world.SurveysAsync(ticket)).ShouldHaveSingleItem();
        survey.Delivery.ShouldBe(SurveyDelivery.Email);
        survey.AnsweredAt.ShouldBeNull();
        (await world.SurveyMailsAsync(ticket)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ATicketReopenedBeforeTheSurveyIsDue_GetsNoSurvey()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromMinutes(30));
        await world.SetStatusAsync(ticket, TicketStatus.Resolved, TicketStatus.Open);

        await world.AdvanceAsync(TimeSpan.FromHours(2));

        (await world.SurveysAsync(ticket)).ShouldBeEmpty();
        (await world.SurveyMailsAsync(ticket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ATicketClosedBeforeTheSurveyIsDue_GetsNoSurvey_BecauseItIsNoLongerResolved()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        await world.SetStatusAsync(ticket, TicketStatus.Resolved, TicketStatus.Closed);

        await world.AdvanceAsync(TimeSpan.FromHours(2));

        (await world.SurveysAsync(ticket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AReopenedTicketResolvedAgain_IsAskedAgain_OncePerResolution()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await world.SetStatusAsync(ticket, TicketStatus.Resolved, TicketStatus.Open);
        await world.AdvanceAsync(TimeSpan.FromMinutes(5));
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await world.AdvanceAsync(TimeSpan.FromHours(5));

        var surveys = await world.SurveysAsync(ticket);
        surveys.Count.ShouldBe(2);
        surveys[0].ResolvedAt.ShouldNotBe(surveys[1].ResolvedAt);
        (await world.SurveyMailsAsync(ticket)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task TheSameResolution_IsNeverAskedTwice_EvenWhenItsJobRunsAgain()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await using var db = world.Db();
        var job = await db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Kind == SurveyScheduler.JobKind && j.Key == ticket.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A runner killed after the work but before marking the job done runs it again.
        var handler = world.Services.GetServices<IJobHandler>().Single(h => h.Kind == SurveyScheduler.JobKind);
        await handler.HandleAsync(new JobRun(job.Id, job.Kind, job.Key, job.Payload, job.Generation, 2), CancellationToken.None);

        (await world.SurveysAsync(ticket)).ShouldHaveSingleItem();
        (await world.SurveyMailsAsync(ticket)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ATicketWithoutAPublicAgentReply_GetsNoSurvey()
    {
        var ticket = await world.NewTicketAsync(reply: false);
        (await world.Tickets.AddAgentMessageAsync(await world.ScopeAsync(world.Id.Ana), ticket, new AgentMessage("Internal: dup of #12", MessageVisibility.Internal)))
            .Succeeded.ShouldBeTrue();
        await world.ResolveAsync(ticket);

        await world.AdvanceAsync(TimeSpan.FromHours(2));

        (await world.SurveysAsync(ticket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ATicketTaggedSpam_GetsNoSurvey_EvenWhenTaggedAfterItsResolution()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        (await world.Tickets.ExecuteAsync(await world.ScopeAsync(world.Id.Ana), ticket, new AddTag("Spam"))).Succeeded.ShouldBeTrue();

        await world.AdvanceAsync(TimeSpan.FromHours(2));

        (await world.SurveysAsync(ticket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AResolutionWithoutSurvey_SendsNone_IsInTheHistory_AndTheNextResolutionAsksAgain()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket, withoutSurvey: true);
        await world.AdvanceAsync(TimeSpan.FromHours(2));
        (await world.SurveysAsync(ticket)).ShouldBeEmpty();
        await using (var db = world.Db())
        {
            (await db.TicketEvents.AnyAsync(e => e.TicketId == ticket && e.Field == SurveyRules.SkipField && e.ActorAgentId == world.Id.Ana)).ShouldBeTrue();
        }

        await world.SetStatusAsync(ticket, TicketStatus.Resolved, TicketStatus.Open);
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(1));

        (await world.SurveysAsync(ticket)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SkippingTheSurvey_WithoutResolving_IsRefused()
    {
        var ticket = await world.NewTicketAsync();

        var result = await world.Tickets.ExecuteAsync(await world.ScopeAsync(world.Id.Ana), ticket, new SkipSurvey());

        result.Outcome.ShouldBe(CommandOutcome.Invalid);
    }

    [Fact]
    public async Task TheAnswerIsCreditedToTheAgentAndTeamAtResolution_NotToWhoeverHasTheTicketLater()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        // After the resolution, before the survey is sent: the ticket moves to Tier 2 and Luis.
        var scope = await world.ScopeAsync(world.Id.Ana);
        (await world.Tickets.ExecuteAsync(scope, ticket, [new SetTeam(world.Id.Support, world.Id.Tier2), new Assign(world.Id.Ana, world.Id.Luis)])).Succeeded.ShouldBeTrue();

        await world.AdvanceAsync(TimeSpan.FromHours(1));

        var survey = (await world.SurveysAsync(ticket)).ShouldHaveSingleItem();
        survey.AgentId.ShouldBe(world.Id.Ana);
        survey.TeamId.ShouldBe(world.Id.Support);
    }

    [Fact]
    public async Task AResolvedChat_IsAskedAtOnce_InTheWidget()
    {
        var ticket = await world.NewTicketAsync(AgentWorkspace.Features.Tickets.TicketChannel.Chat);
        await world.ResolveAsync(ticket);

        // No clock movement: the survey is due at the resolution, and the scheduler is woken for it after the commit.
        await SurveyWorld.WaitUntilAsync(async () => (await world.SurveysAsync(ticket)).Count == 1, "the chat's survey was sent");

        var survey = (await world.SurveysAsync(ticket)).Single();
        survey.Delivery.ShouldBe(SurveyDelivery.Widget);
        (await world.SurveyMailsAsync(ticket)).ShouldBeEmpty();
    }
}
