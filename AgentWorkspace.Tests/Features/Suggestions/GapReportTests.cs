using AgentWorkspace.Data;
using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        (await log.CustomerFeedbackAsync(shown, null, "sent", ticket.Id)).ShouldBeTrue();
        await log.AgentRepliedAsync("agent", ticket.Id, $"{word} warranty", "en", [5], inserted: 5, opened: null);
        var deflectedList = await log.ShownToCustomerAsync($"warranty {word}", "en", [7]);
        (await log.CustomerFeedbackAsync(deflectedList, 7, "opened", null)).ShouldBeTrue();
        (await log.CustomerFeedbackAsync(deflectedList, 99, "opened", null)).ShouldBeFalse("an article that was not suggested");

        var gap = (await report.TopAsync(TimeSpan.FromDays(1), take: 200)).Single(g => g.Key == KbGapReport.GroupKey($"{word} warranty", "en"));
        gap.Count.ShouldBe(2);
        gap.FromAgents.ShouldBe(1);
        gap.FromCustomers.ShouldBe(1);
        var (opened, deflected) = await log.DeflectionAsync(TimeSpan.FromDays(1));
        deflected.ShouldBeGreaterThanOrEqualTo(1);
        opened.ShouldBeGreaterThanOrEqualTo(deflected);
    }

    [Fact]
    public async Task CustomerFeedback_IsRefused_WithoutATicket_ForASecondTicket_AfterSending_OrOnceTheListIsStale()
    {
        var log = app.Services.GetRequiredService<SuggestionLog>();
        var data = new TicketTestData(app.Services);
        var first = await data.CreateAsync();
        var second = await data.CreateAsync();
        var list = await log.ShownToCustomerAsync("gift wrapping", "en", [3]);

        (await log.CustomerFeedbackAsync(list, null, "sent", null)).ShouldBeFalse("a sent message belongs to a ticket");
        (await log.CustomerFeedbackAsync(list, null, "sent", first.Id)).ShouldBeTrue();
        (await log.CustomerFeedbackAsync(list, null, "sent", first.Id)).ShouldBeTrue("a retry");
        (await log.CustomerFeedbackAsync(list, null, "sent", second.Id)).ShouldBeFalse("a list counts for one ticket");
        (await log.CustomerFeedbackAsync(list, 3, "opened", null)).ShouldBeFalse("opening after sending");

        var stale = await log.ShownToCustomerAsync("gift wrapping", "en", [3]);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var row = await db.SuggestionRequests.SingleAsync(r => r.PublicId == stale);
            row.CreatedAt -= SuggestionLog.FeedbackWindow + TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync();
        }
        (await log.CustomerFeedbackAsync(stale, null, "sent", first.Id)).ShouldBeFalse("a list from yesterday says nothing about today's message");
        (await log.CustomerFeedbackAsync(stale, 3, "opened", null)).ShouldBeFalse();
    }
}
