using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Suggestions;

public sealed class GapGroupingTests
{
    [Fact]
    public void SimilarQuestions_ShareAGroup_WhateverTheWordOrderCaseOrStopWords()
    {
        KbGapReport.GroupKey("Refunds for my order?", "en").ShouldBe(KbGapReport.GroupKey("order refund", "en"));
        KbGapReport.GroupKey("How do I change my password", "en").ShouldNotBe(KbGapReport.GroupKey("order refund", "en"));
        KbGapReport.GroupKey("the and of", "en").ShouldBeEmpty();
    }
}

[Collection(AppCollection.Name)]
public sealed class GapReportTests(WorkspaceAppFactory app)
{
    [Fact]
    public async Task QueriesNobodyUsedASuggestionFor_AreReported_ButUsedOnesAndDeflectionsAreNot()
    {
        var log = app.Services.GetRequiredService<SuggestionLog>();
        var report = app.Services.GetRequiredService<KbGapReport>();
        var word = "flumbergast" + Guid.NewGuid().ToString("N")[..6];
        var ticket = await new TicketTestData(app.Services).CreateAsync();

        await log.AgentRepliedAsync("agent", ticket.Id, $"The {word} warranty", "en", [], null, null);
        var shown = await log.ShownToCustomerAsync($"{word} warranty?", "en", []);
        (await log.CustomerFeedbackAsync(shown, null, "sent")).ShouldBeTrue();
        await log.AgentRepliedAsync("agent", ticket.Id, $"{word} warranty", "en", [5], inserted: 5, opened: null);
        var deflectedList = await log.ShownToCustomerAsync($"warranty {word}", "en", [7]);
        (await log.CustomerFeedbackAsync(deflectedList, 7, "opened")).ShouldBeTrue();
        (await log.CustomerFeedbackAsync(deflectedList, 99, "opened")).ShouldBeFalse("an article that was not suggested");

        var gap = (await report.TopAsync(TimeSpan.FromDays(1), take: 200)).Single(g => g.Key == KbGapReport.GroupKey($"{word} warranty", "en"));
        gap.Count.ShouldBe(2);
        gap.FromAgents.ShouldBe(1);
        gap.FromCustomers.ShouldBe(1);
        var (opened, deflected) = await log.DeflectionAsync(TimeSpan.FromDays(1));
        deflected.ShouldBeGreaterThanOrEqualTo(1);
        opened.ShouldBeGreaterThanOrEqualTo(deflected);
    }
}
