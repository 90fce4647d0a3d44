using System.Net;
using System.Text.RegularExpressions;
using AgentWorkspace.Tests.Infrastructure;

namespace AgentWorkspace.Tests.Features.KnowledgeBase;

/// <summary>The public help centre as an anonymous visitor sees it over plain HTTP: only live public articles, ever.</summary>
[Collection(AppCollection.Name)]
public sealed partial class HelpCentreHttpTests(WorkspaceAppFactory app)
{
    private KbTestData Data => new(app.Services);

    private FormClient Visitor(string? acceptLanguage = null)
    {
        var client = new FormClient(app.ServerAddress);
        if (acceptLanguage is not null)
        {
            client.Http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }
        return client;
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/help/categories/orders-shipping")]
    [InlineData("/help/articles/turn-on-two-factor-authentication")]
    [InlineData("/help/search?q=refund")]
    public async Task HelpCentrePages_AnswerAnonymousVisitors_ServerRendered_WithoutACircuit(string path)
    {
        using var visitor = Visitor();

        var response = await visitor.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"help-centre\"");
        html.ShouldNotContain("<!--Blazor:", Case.Sensitive, "an interactive component would start a circuit");
        html.ShouldNotContain("Sign out");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task AnAgentsDarkThemeCookie_LeavesTheHelpCentreLight_WhileAgentPagesRenderDark()
    {
        using var visitor = Visitor();
        var request = new HttpRequestMessage(HttpMethod.Get, "/help");
        request.Headers.Add("Cookie", "AgentWorkspace.Theme=dark");

        var html = await (await visitor.Http.SendAsync(request)).Content.ReadAsStringAsync();
        html.ShouldContain("data-theme=\"light\"");
        html.ShouldContain("<meta name=\"color-scheme\" content=\"light\"");

        var signIn = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        signIn.Headers.Add("Cookie", "AgentWorkspace.Theme=dark");
        (await (await visitor.Http.SendAsync(signIn)).Content.ReadAsStringAsync()).ShouldContain("data-theme=\"dark\"");
    }

    [Fact]
    public async Task DraftsArticlesInReviewInternalAndArchivedArticles_AreUnreachable_BySlugOrById()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var rita = await Data.ActorAsync(DemoAgents.RitaEmail);
        var draft = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Secret draft"), "DRAFT-TEXT-1"));
        var inReview = await Data.CreateAsync(ana, KbTestData.Draft(KbTestData.Unique("Secret review"), "REVIEW-TEXT-2"));
        (await Data.Articles.SubmitAsync(ana, inReview.Id, inReview.Version)).Succeeded.ShouldBeTrue();
        var internalOnly = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Secret internal"), "INTERNAL-TEXT-3", isInternal: true));
        var archived = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Secret archived"), "ARCHIVED-TEXT-4"));
        (await Data.Articles.ArchiveAsync(rita, archived.Id, archived.Version)).Succeeded.ShouldBeTrue();
        var unpublished = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Secret unpublished"), "UNPUBLISHED-TEXT-5"));
        (await Data.Articles.UnpublishAsync(rita, unpublished.Id, unpublished.Version)).Succeeded.ShouldBeTrue();
        using var visitor = Visitor();

        foreach (var id in new[] { draft.Id, inReview.Id, internalOnly.Id, archived.Id, unpublished.Id })
        {
            var slug = (await Data.ReadAsync(id)).Slug;
            (await visitor.Http.GetAsync($"/help/articles/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, slug);
            (await visitor.Http.GetAsync($"/help/a/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"article {id}");
            (await Data.Articles.RecordFeedbackAsync(id, helpful: true)).ShouldBeFalse($"feedback on article {id}");
        }
        var everything = string.Join("\n", await Task.WhenAll(
            new[] { "/help", "/help/search?q=secret", "/help/search?q=TEXT", "/help/categories/getting-started" }.Select(p => visitor.Http.GetStringAsync(p))));
        everything.ShouldNotContain("Secret ");
        everything.ShouldNotContain("-TEXT-");
        (await visitor.Http.GetAsync("/help/articles/legacy-checkout-v1-settings")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the archived demo article");
        (await visitor.Http.GetAsync("/help/articles/dns-records-reference")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the demo draft");
    }

    [Fact]
    public async Task ALiveArticleBeingEdited_ShowsOnlyItsPublishedText()
    {
        var ana = await Data.ActorAsync(DemoAgents.AnaEmail);
        var (id, version) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Track a parcel"), "PUBLISHED-STEPS"));
        var edited = await Data.Articles.SaveAsync(ana, id, version, KbTestData.Draft("Track a parcel", "NEW-DRAFT-STEPS", note: "INTERNAL-NOTE"));
        (await Data.Articles.SubmitAsync(ana, id, edited.Version!.Value)).Succeeded.ShouldBeTrue();
        using var visitor = Visitor();

        var response = await visitor.Http.GetAsync($"/help/a/{id}");
        var page = await visitor.Http.GetStringAsync(response.Headers.Location!);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.ShouldContain("PUBLISHED-STEPS");
        page.ShouldNotContain("NEW-DRAFT-STEPS");
        page.ShouldNotContain("INTERNAL-NOTE");
    }

    [Fact]
    public async Task ImagesInAnArticle_AreLinks_AndThePagePolicyLoadsNoImageFromAnotherSite()
    {
        var (id, _) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Reading your invoice"),
            "Your invoice looks like this: ![the invoice](https://cdn.example/invoice.png)\n\n![logo][l]\n\n[l]: /files/logo.png"));
        using var visitor = Visitor();

        var response = await visitor.Http.GetAsync($"/help/a/{id}");
        var page = await visitor.Http.GetAsync(response.Headers.Location!);
        var html = await page.Content.ReadAsStringAsync();

        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldContain("<a href=\"https://cdn.example/invoice.png\"");
        html.ShouldContain(">the invoice</a>");
        html.ShouldContain("<a href=\"/files/logo.png\"");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("img-src 'self' data:;");
        policy.ShouldNotContain("https:");
    }

    [Fact]
    public async Task ArticlePages_FollowAcceptLanguage_AndFallBackToTheOtherLanguage()
    {
        var english = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Print labels"), "ENGLISH-BODY"));
        var spanish = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Imprimir etiquetas"), "SPANISH-BODY"), "es", translationOf: english.Id);
        var englishOnly = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Bulk edit prices"), "ONLY-IN-ENGLISH"));
        var englishSlug = (await Data.ReadAsync(english.Id)).Slug;
        var spanishSlug = (await Data.ReadAsync(spanish.Id)).Slug;
        using var spanishVisitor = Visitor("es-ES,es;q=0.9,en;q=0.5");
        using var englishVisitor = Visitor("en-GB,en;q=0.9");

        var redirected = await spanishVisitor.Http.GetAsync($"/help/articles/{englishSlug}");
        redirected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirected.Headers.Location!.ToString().ShouldEndWith($"/help/articles/{spanishSlug}");
        (await spanishVisitor.Http.GetStringAsync($"/help/articles/{spanishSlug}")).ShouldContain("SPANISH-BODY");
        (await englishVisitor.Http.GetAsync($"/help/articles/{spanishSlug}")).Headers.Location!.ToString().ShouldEndWith($"/help/articles/{englishSlug}");

        var fallback = await spanishVisitor.Http.GetStringAsync($"/help/articles/{(await Data.ReadAsync(englishOnly.Id)).Slug}");
        fallback.ShouldContain("ONLY-IN-ENGLISH");
        fallback.ShouldContain("data-testid=\"help-fallback\"");
        WebUtility.HtmlDecode(fallback).ShouldContain("Este artículo aún no está disponible en español.");

        var chosen = await englishVisitor.Http.GetAsync($"/help/articles/{englishSlug}?lang=es");
        chosen.Headers.Location!.ToString().ShouldEndWith($"/help/articles/{spanishSlug}", Case.Sensitive, "an explicit choice beats Accept-Language");
    }

    [Fact]
    public async Task Search_FindsLiveArticlesByTheirPublishedWords_InTheVisitorsLanguageFirst()
    {
        var word = $"zq{Guid.NewGuid():N}"[..14];
        var english = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Gift wrapping"), $"Offer {word} at checkout."));
        await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Envolver para regalo"), $"Ofrece {word} al pagar."), "es", translationOf: english.Id);
        using var spanishVisitor = Visitor("es");
        using var englishVisitor = Visitor("en");

        var inSpanish = await spanishVisitor.Http.GetStringAsync($"/help/search?q={word}");
        var inEnglish = await englishVisitor.Http.GetStringAsync($"/help/search?q={word}");

        ResultTitles(inSpanish).ShouldHaveSingleItem().ShouldStartWith("Envolver para regalo");
        ResultTitles(inEnglish).ShouldHaveSingleItem().ShouldStartWith("Gift wrapping");
        ResultTitles(await englishVisitor.Http.GetStringAsync("/help/search?q=two+factor+authentication")).ShouldContain("Turn on two-factor authentication");
    }

    private static List<string> ResultTitles(string html) =>
        ResultLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("data-testid=\"help-article-link\">([^<]*)<")]
    private static partial Regex ResultLink();

    [Fact]
    public async Task Feedback_IsAFormPostWithAntiforgery_AndEditorsSeeTheCounts()
    {
        var (id, _) = await Data.PublishedAsync(KbTestData.Draft(KbTestData.Unique("Change currency")));
        var slug = (await Data.ReadAsync(id)).Slug;
        using var visitor = Visitor();
        var page = await visitor.Http.GetStringAsync($"/help/articles/{slug}");
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();

        var forged = await visitor.Http.PostAsync($"/help/articles/{id}/feedback", new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }));
        var helpful = await visitor.Http.PostAsync($"/help/articles/{id}/feedback", Form(token, "yes"));
        var notHelpful = await visitor.Http.PostAsync($"/help/articles/{id}/feedback", Form(token, "no"));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token");
        helpful.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        helpful.Headers.Location!.ToString().ShouldBe($"/help/articles/{slug}?feedback=thanks#feedback");
        notHelpful.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = (await Data.Queries.GetAsync(id))!;
        (details.Helpful, details.NotHelpful).ShouldBe((1, 1));
        (await visitor.Http.GetStringAsync($"/help/articles/{slug}?feedback=thanks")).ShouldContain("data-testid=\"help-feedback-thanks\"");
    }

    private static FormUrlEncodedContent Form(string token, string helpful) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["helpful"] = helpful });

    [Fact]
    public async Task UnknownHelpAddresses_AnswerTheHelpCentresOwn404_NotTheAgentSignIn()
    {
        using var visitor = Visitor("es");

        var response = await visitor.Http.GetAsync("/help/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-testid=\"help-not-found\"");
        html.ShouldContain("Artículo no encontrado");
        html.ShouldNotContain("Go to the inbox");
    }
}
