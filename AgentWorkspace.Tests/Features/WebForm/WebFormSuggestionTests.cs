using System.Net;
using System.Text.Json.Nodes;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.WebForm;

/// <summary>The form's suggestion endpoint: the widget's engine behind the same customer projection, public articles only.</summary>
[Collection(WebFormCollection.Name)]
public sealed class WebFormSuggestionTests(WebFormFixture fixture)
{
    [Fact]
    public async Task Suggestions_NeverIncludeDraftsArticlesInReviewInternalOnesOrUnpublishedOnes()
    {
        var word = "quibblewort" + Guid.NewGuid().ToString("N")[..6];
        var kb = fixture.Kb;
        var ana = await kb.ActorAsync(DemoAgents.AnaEmail);
        var rita = await kb.ActorAsync(DemoAgents.RitaEmail);
        var (draft, _) = await kb.CreateAsync(ana, KbTestData.Draft($"Draft on {word} pruning", $"Prune the {word} in spring."));
        var (inReview, reviewVersion) = await kb.CreateAsync(ana, KbTestData.Draft($"Review on {word} pruning", $"Prune the {word} in autumn."));
        (await kb.Articles.SubmitAsync(ana, inReview, reviewVersion)).Succeeded.ShouldBeTrue();
        var (internalOnly, _) = await kb.PublishedAsync(KbTestData.Draft($"Internal {word} pruning notes", $"Agents prune the {word}.", isInternal: true));
        var (unpublished, unpublishedVersion) = await kb.PublishedAsync(KbTestData.Draft($"Old {word} pruning guide", $"Prune the {word} weekly."));
        (await kb.Articles.UnpublishAsync(rita, unpublished, unpublishedVersion)).Succeeded.ShouldBeTrue();
        var (published, _) = await kb.PublishedAsync(KbTestData.Draft($"Pruning your {word}", $"Prune the {word} after it flowers."));

        using var client = fixture.NewClient();
        var articles = await WaitForSuggestionsAsync(client, $"how do I prune my {word}", published);

        articles.Select(a => (int)a!["articleId"]!).ShouldBe([published]);
        var article = articles.Single()!.AsObject();
        article.Select(p => p.Key).Order().ShouldBe(["articleId", "language", "title", "url"]);
        ((string)article["url"]!).ShouldStartWith(fixture.App.ServerAddress + "help/articles/");
        new[] { draft, inReview, internalOnly, unpublished }.ShouldNotContain(id => articles.Any(a => (int)a!["articleId"]! == id));
    }

    [Fact]
    public async Task AnEmptyOrOverlongQuery_IsRefused()
    {
        using var client = fixture.NewClient();
        (await client.Http.GetAsync("/help/new/suggestions?q=")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetAsync("/help/new/suggestions?q=" + new string('a', 2001))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Publishing reaches the suggestion index just after the commit: asks until the published article is there.</summary>
    private static async Task<JsonArray> WaitForSuggestionsAsync(WebFormClient client, string query, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var json = JsonNode.Parse(await client.Http.GetStringAsync("/help/new/suggestions?q=" + Uri.EscapeDataString(query)))!;
            var articles = json["articles"]!.AsArray();
            if (articles.Any(a => (int)a!["articleId"]! == expected) || DateTime.UtcNow > deadline)
            {
                return articles;
            }
            await Task.Delay(100);
        }
    }
}
