using AgentWorkspace.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Surveys;

/// <summary>Answering: signed single-use links, bad input, a bad rating tells the team, and the read API's definitions.</summary>
public sealed class SurveyAnswerTests : IAsyncLifetime
{
    private SurveyWorld world = null!;

    public async Task InitializeAsync() => world = await SurveyWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task<(SurveyResponse Survey, int Number, string Token)> SentSurveyAsync()
    {
        var ticket = await world.NewTicketAsync();
        await world.ResolveAsync(ticket);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        var survey = (await world.SurveysAsync(ticket)).Single();
        await using var db = world.Db();
        var number = await db.Tickets.Where(t => t.Id == ticket).Select(t => t.Number).SingleAsync();
        return (survey, number, world.Links.Issue(survey.Id, survey.TicketId, survey.ExpiresAt));
    }

    [Fact]
    public async Task ALink_OpensItsSurvey_AndAnswersOnce_ThenSaysAlreadyAnswered()
    {
        var (survey, number, token) = await SentSurveyAsync();

        var target = (await world.Surveys.FromLinkAsync(token, number)).ShouldNotBeNull();
        target.Id.ShouldBe(survey.Id);
        (await world.Surveys.AnswerAsync(target.Id, new SurveyAnswer(5, 6, null, "Quick and kind"))).Outcome.ShouldBe(SurveyAnswerOutcome.Thanks);
        (await world.Surveys.AnswerAsync(target.Id, new SurveyAnswer(1, 1, SurveyReasons.Other, "changed my mind"))).Outcome.ShouldBe(SurveyAnswerOutcome.AlreadyAnswered);

        var stored = (await world.SurveysAsync(survey.TicketId)).Single();
        (stored.Csat, stored.Ces, stored.Comment).ShouldBe((5, 6, "Quick and kind"));
        (await world.Surveys.FromLinkAsync(token, number)).ShouldNotBeNull().Answered.ShouldBeTrue();
    }

    [Fact]
    public async Task TwoSubmissionsAtOnce_StoreOneAnswer()
    {
        var (survey, _, _) = await SentSurveyAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(3 + i % 3, null, null, $"try {i}"))));

        results.Count(r => r.Outcome == SurveyAnswerOutcome.Thanks).ShouldBe(1);
        results.Count(r => r.Outcome == SurveyAnswerOutcome.AlreadyAnswered).ShouldBe(4);
    }

    [Fact]
    public async Task AForgedOrAlteredLink_OpensNothing()
    {
        var (_, number, token) = await SentSurveyAsync();
        var altered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        (await world.Surveys.FromLinkAsync(altered, number)).ShouldBeNull();
        (await world.Surveys.FromLinkAsync("not-a-token", number)).ShouldBeNull();
        (await world.Surveys.FromLinkAsync(null, number)).ShouldBeNull();
        (await world.Surveys.FromLinkAsync(new string('A', 5000), number)).ShouldBeNull();
    }

    [Fact]
    public async Task ALink_OnAnotherTicketsPage_OpensNothing()
    {
        var (_, number, token) = await SentSurveyAsync();
        var (_, otherNumber, _) = await SentSurveyAsync();

        (await world.Surveys.FromLinkAsync(token, otherNumber)).ShouldBeNull();
        (await world.Surveys.FromLinkAsync(token, number)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ALinkNamingOneSurveyButAnotherTicket_OpensNothing()
    {
        var (survey, number, _) = await SentSurveyAsync();
        // Signed by us, but the survey and ticket don't belong together (a token from a bug or an old key): refused.
        var mismatched = world.Links.Issue(survey.Id, survey.TicketId + 1000, survey.ExpiresAt);

        (await world.Surveys.FromLinkAsync(mismatched, number)).ShouldBeNull();
    }

    [Fact]
    public async Task AnExpiredSurvey_TakesNoAnswer()
    {
        var (survey, number, token) = await SentSurveyAsync();
        world.Clock.Advance(TimeSpan.FromDays(15));

        (await world.Surveys.FromLinkAsync(token, number)).ShouldNotBeNull().Expired.ShouldBeTrue();
        (await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(5, null, null, null))).Outcome.ShouldBe(SurveyAnswerOutcome.Expired);
        (await world.SurveysAsync(survey.TicketId)).Single().AnsweredAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, null, null, "csat", SurveyProblem.CsatRequired)]
    [InlineData(6, null, null, null, "csat", SurveyProblem.CsatRequired)]
    [InlineData(0, null, null, null, "csat", SurveyProblem.CsatRequired)]
    [InlineData(4, 8, null, null, "ces", SurveyProblem.CesOutOfRange)]
    [InlineData(2, null, null, null, "reason", SurveyProblem.ReasonRequired)]
    [InlineData(1, null, "because", null, "reason", SurveyProblem.ReasonUnknown)]
    [InlineData(4, null, null, "\u200B\u200B", "comment", SurveyProblem.CommentInvalid)]
    public async Task BadInput_IsRefusedWithTheProblemOfItsField_AndStoresNothing(int? csat, int? ces, string? reason, string? comment, string field, SurveyProblem problem)
    {
        var (survey, _, _) = await SentSurveyAsync();

        var result = await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(csat, ces, reason, comment));

        result.Outcome.ShouldBe(SurveyAnswerOutcome.Invalid);
        result.Problems[field].ShouldBe(problem);
        (await world.SurveysAsync(survey.TicketId)).Single().AnsweredAt.ShouldBeNull();
    }

    [Fact]
    public async Task AnOversizedComment_IsRefused_NotTruncated()
    {
        var (survey, _, _) = await SentSurveyAsync();

        var result = await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(5, null, null, new string('x', SurveyAnswer.MaxCommentLength + 1)));

        result.Problems["comment"].ShouldBe(SurveyProblem.CommentTooLong);
        (await world.SurveysAsync(survey.TicketId)).Single().Comment.ShouldBeNull();
    }

    [Fact]
    public async Task ControlCharactersInAComment_AreDropped_ByTheSharedTextPolicy()
    {
        var (survey, _, _) = await SentSurveyAsync();

        (await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(4, null, null, "fine\u0007\u0000 thanks"))).Outcome.ShouldBe(SurveyAnswerOutcome.Thanks);

        (await world.SurveysAsync(survey.TicketId)).Single().Comment.ShouldBe("fine thanks");
    }

    [Fact]
    public async Task ABadRating_NotifiesTheTeamCreditedWithTheResolution_AndNobodyElse()
    {
        var (survey, number, _) = await SentSurveyAsync();
        var tomBefore = (await world.NotificationsAsync(world.Id.Tom)).Count;

        (await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(2, 3, SurveyReasons.Slow, null))).Outcome.ShouldBe(SurveyAnswerOutcome.Thanks);

        await SurveyWorld.WaitUntilAsync(async () => (await world.NotificationsAsync(world.Id.Tom)).Count > tomBefore, "Tom was notified");
        (await world.NotificationsAsync(world.Id.Tom)).Last().ShouldContain($"#{number}");
        (await world.NotificationsAsync(world.Id.Ana)).ShouldContain(t => t.Contains($"#{number}") && t.Contains("2/5"));
        (await world.NotificationsAsync(world.Id.Luis)).ShouldNotContain(t => t.Contains("rating"));
    }

    [Fact]
    public async Task AGoodRating_NotifiesNobody()
    {
        var (survey, _, _) = await SentSurveyAsync();
        var before = (await world.NotificationsAsync(world.Id.Tom)).Count;

        await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(3, null, null, null));

        (await world.NotificationsAsync(world.Id.Tom)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task TheScores_AreThePercentOfFourAndFive_AndTheMeanEffort_PerAgentAndTeam()
    {
        foreach (var (csat, ces) in new (int, int?)[] { (5, 7), (4, 5), (2, null), (1, 3) })
        {
            var (survey, _, _) = await SentSurveyAsync();
            (await world.Surveys.AnswerAsync(survey.Id, new SurveyAnswer(csat, ces, csat <= 2 ? SurveyReasons.Slow : null, null))).Outcome.ShouldBe(SurveyAnswerOutcome.Thanks);
        }
        await SentSurveyAsync(); // sent, never answered: not counted
        var stats = world.Services.GetRequiredService<SurveyStats>();
        var (from, to) = (SurveyWorld.Start, world.Clock.GetUtcNow().AddSeconds(1));

        var ana = (await stats.ByAgentAsync(from, to)).ShouldHaveSingleItem();
        ana.AgentId.ShouldBe(world.Id.Ana);
        ana.Score.Answers.ShouldBe(4);
        ana.Score.CsatPercent.ShouldBe(50.0);
        ana.Score.CesAnswers.ShouldBe(3);
        ana.Score.CesAverage.ShouldBe(5.0);
        (await stats.ByTeamAsync(from, to)).ShouldHaveSingleItem().TeamId.ShouldBe(world.Id.Support);
        (await stats.OverallAsync(from, to)).CsatPercent.ShouldBe(50.0);
        (await stats.OverallAsync(to, to.AddDays(1))).CsatPercent.ShouldBeNull();
    }
}
