using AgentWorkspace.Features.Suggestions;
using AgentWorkspace.Tests.Features.Tickets;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>Suggestions in the composer from the real engine over live articles: matches marked, links inserted.</summary>
public sealed class ComposerSuggestionsTests : TicketPageTest
{
    private async Task<IRenderedComponent<ComposerSuggestions>> RenderSuggestionsAsync(string context, List<string> inserted)
    {
        await Services.GetRequiredService<KbSuggestions>().RebuildAsync();
        return Render<ComposerSuggestions>(p => p
            .Add(s => s.Context, context)
            .Add(s => s.Insert, EventCallback.Factory.Create<string>(this, inserted.Add)));
    }

    [Fact]
    public async Task MatchedWords_AreMarked_AndInsertLink_RaisesInsertWithTheArticlesHelpCentreLink()
    {
        var id = await PublishArticleAsync("Refund a [double] charge", "When a customer was charged twice, refund the second charge from Payments.");
        var inserted = new List<string>();

        var suggestions = await RenderSuggestionsAsync("I was charged twice, please refund", inserted);

        var item = suggestions.Find($"[data-testid=suggestion][data-article='{id}']");
        var marks = item.QuerySelectorAll(".aw-suggestion-snippet mark").Select(m => m.TextContent.ToLowerInvariant()).ToList();
        marks.ShouldNotBeEmpty();
        marks.ShouldContain(m => m.StartsWith("charge") || m.StartsWith("refund"));
        item.QuerySelector(".aw-suggestion-snippet")!.InnerHtml.ShouldNotContain("&lt;mark");

        suggestions.Find($"[data-testid=suggestion][data-article='{id}'] [data-testid=suggestion-insert]").Click();

        var baseUri = Services.GetRequiredService<NavigationManager>().BaseUri;
        inserted.ShouldBe([$"[Refund a \\[double\\] charge]({baseUri}help/a/{id})"]);
    }

    [Fact]
    public async Task AnInternalArticle_IsSuggested_ButOffersNoLinkForTheCustomer()
    {
        var id = await PublishArticleAsync("Goodwill refund policy", "Agents may grant a goodwill refund up to 20 euros.", isInternal: true);
        var inserted = new List<string>();

        var suggestions = await RenderSuggestionsAsync("goodwill refund", inserted);

        var item = suggestions.Find($"[data-testid=suggestion][data-article='{id}']");
        item.QuerySelector(".aw-kb-internal")!.TextContent.ShouldBe("Internal");
        item.QuerySelector("[data-testid=suggestion-insert]").ShouldBeNull();
        item.QuerySelector("[data-testid=suggestion-open]").ShouldNotBeNull();
    }
}
