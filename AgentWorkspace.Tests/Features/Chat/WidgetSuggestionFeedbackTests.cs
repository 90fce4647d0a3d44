using AgentWorkspace.Features.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Chat;

/// <summary>What the widget reports about the suggestions a customer was shown, through the real @microsoft/signalr client.</summary>
[Collection(ChatCollection.Name)]
public sealed class WidgetSuggestionFeedbackTests(ChatFixture chat)
{
    private WidgetDriver Driver => chat.Driver;

    private static string NewId() => Guid.NewGuid().ToString("N")[..10];

    private async Task<string> SuggestAsync(string connection, string query) =>
        (await Driver.InvokeAsync(connection, "Suggest", query, "en")).GetProperty("requestId").GetString()!;

    [Fact]
    public async Task AListSentWithoutOpeningAnything_CountsAsUnanswered_ForTheTicketItWasSentIn()
    {
        var id = NewId();
        var (token, number) = await WidgetHubTests.StartAsync(Driver, id, id);
        var question = $"how do I print shipping labels for the zorbleck{id} box";
        var requestId = await SuggestAsync(id, question);

        await Driver.InvokeAsync(id, "SuggestionFeedback", requestId, null, "sent", token);

        var gaps = await chat.App.Services.GetRequiredService<KbGapReport>().TopAsync(TimeSpan.FromDays(1), take: 500);
        var gap = gaps.Single(g => g.Key == KbGapReport.GroupKey(question, "en"));
        gap.FromCustomers.ShouldBe(1);
        gap.Example.ShouldBe(question);
        await using var db = await chat.Data.DbAsync();
        var stored = await db.SuggestionRequests.SingleAsync(r => r.PublicId == Guid.Parse(requestId));
        stored.Outcome.ShouldBe(SuggestionOutcome.NotUsed);
        stored.TicketId.ShouldBe(await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync());
    }

    [Fact]
    public async Task SendingAnyway_NeedsTheConversationsToken_AndAListCountsForOneConversationOnly()
    {
        var a = NewId();
        var b = NewId();
        var (tokenA, _) = await WidgetHubTests.StartAsync(Driver, a, a);
        var (tokenB, _) = await WidgetHubTests.StartAsync(Driver, b, b);
        var requestId = await SuggestAsync(a, $"refund for order {a}");

        (await Driver.InvokeExpectingErrorAsync(a, "SuggestionFeedback", requestId, null, "sent", null)).ShouldContain("does not exist");
        (await Driver.InvokeExpectingErrorAsync(a, "SuggestionFeedback", requestId, null, "sent", "awc_not-a-real-token")).ShouldContain("does not exist");
        await Driver.InvokeAsync(a, "SuggestionFeedback", requestId, null, "sent", tokenA);
        await Driver.InvokeAsync(a, "SuggestionFeedback", requestId, null, "sent", tokenA); // a retry changes nothing
        (await Driver.InvokeExpectingErrorAsync(b, "SuggestionFeedback", requestId, null, "sent", tokenB)).ShouldContain("Unknown suggestion list");
        (await Driver.InvokeExpectingErrorAsync(a, "SuggestionFeedback", requestId, null, "shrugged", tokenA)).ShouldContain("Unknown suggestion list");
        (await Driver.InvokeExpectingErrorAsync(a, "SuggestionFeedback", Guid.NewGuid().ToString(), null, "sent", tokenA)).ShouldContain("Unknown suggestion list");
        (await Driver.InvokeExpectingErrorAsync(a, "SuggestionFeedback", "not-a-guid", null, "sent", tokenA)).ShouldContain("Unknown suggestion list");

        var hashA = AgentWorkspace.Features.Chat.ConversationToken.TryHash(tokenA)!;
        await using var db = await chat.Data.DbAsync();
        var stored = await db.SuggestionRequests.SingleAsync(r => r.PublicId == Guid.Parse(requestId));
        stored.Outcome.ShouldBe(SuggestionOutcome.NotUsed);
        stored.TicketId.ShouldBe(await db.ChatConversations.Where(c => c.TokenHash == hashA).Select(c => c.TicketId).SingleAsync());
    }

    [Fact]
    public async Task OpeningAnArticle_NeedsNoConversation_AndSendingAfterwardsIsSentAnyway()
    {
        var id = NewId();
        await Driver.ConnectAsync(id);
        var list = await Driver.InvokeAsync(id, "Suggest", "how do I print shipping labels", "en");
        var requestId = list.GetProperty("requestId").GetString()!;
        var articleId = list.GetProperty("articles")[0].GetProperty("articleId").GetInt32();

        await Driver.InvokeAsync(id, "SuggestionFeedback", requestId, articleId, "opened", null);
        var session = await Driver.InvokeAsync(id, "Start", WidgetHubTests.StartForm(id));
        await Driver.InvokeAsync(id, "SuggestionFeedback", requestId, null, "sent", session.GetProperty("token").GetString());

        await using var db = await chat.Data.DbAsync();
        var stored = await db.SuggestionRequests.SingleAsync(r => r.PublicId == Guid.Parse(requestId));
        stored.Outcome.ShouldBe(SuggestionOutcome.SentAnyway);
        stored.UsedArticleId.ShouldBe(articleId);
        (await Driver.InvokeExpectingErrorAsync(id, "SuggestionFeedback", requestId, articleId, "opened", null))
            .ShouldContain("Unknown suggestion list", customMessage: "a list already sent is final");
    }
}
