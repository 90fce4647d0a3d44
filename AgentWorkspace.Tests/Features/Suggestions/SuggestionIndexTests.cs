using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

public class SuggestionIndexTests
{
    private static readonly SuggestionOptions English = new() { Language = "en", LastTokenIsPrefix = false };

    private static SuggestionDocument Doc(string id, string title, string body = "", string keywords = "",
        string language = "en", bool isInternal = false) => new(id, language, title, keywords, body, isInternal);

    private static SuggestionIndex Index(params SuggestionDocument[] docs) => SuggestionIndex.Build(docs);

    private static string? Top(SuggestionIndex index, string query, SuggestionOptions? options = null) =>
        index.Search(query, options ?? English).FirstOrDefault()?.Id;

    private static readonly SuggestionDocument[] Filler =
    [
        Doc("f1", "Connect a custom domain", "Point your DNS records at the store."),
        Doc("f2", "Print a gift receipt", "Gift receipts hide the prices from the recipient."),
        Doc("f3", "Invite staff members", "Staff can help run the store."),
    ];

    [Fact]
    public void UnaccentedQuery_FindsTheArticleWrittenWithAccents()
    {
        var index = Index([.. Filler, Doc("es-1", "Restablecer tu contraseña", "Pide un enlace nuevo.", language: "es")]);

        Top(index, "contrasena", new SuggestionOptions { Language = "es", LastTokenIsPrefix = false }).ShouldBe("es-1");
    }

    [Fact]
    public void PluralQuery_FindsTheArticleWrittenInTheSingular()
    {
        var index = Index([.. Filler, Doc("r", "Refund an order", "Give the customer a refund.")]);

        Top(index, "refunds").ShouldBe("r");
    }

    [Fact]
    public void SpanishPlural_FindsTheSpanishSingular()
    {
        var index = Index([.. Filler, Doc("e", "Tiempo de envío", "Cada envío tarda tres días.", language: "es")]);

        Top(index, "envíos", new SuggestionOptions { Language = "es", LastTokenIsPrefix = false }).ShouldBe("e");
    }

    [Fact]
    public void QueryMadeOnlyOfStopWords_FindsNothing()
    {
        var index = Index([.. Filler, Doc("a", "The order of things", "It is what it is.")]);

        index.Search("the it is what", English).ShouldBeEmpty();
    }

    [Fact]
    public void StopWords_DoNotDecideTheRanking()
    {
        var index = Index(
            Doc("stop", "The the the of of and", "the the the of of of and and and"),
            Doc("topic", "Refund an order", "How to refund."));

        Top(index, "the refund of the order").ShouldBe("topic");
    }

    [Theory]
    [InlineData("refnd", "refund")]        // 1 edit, 5 letters
    [InlineData("shiping", "shipping")]    // 1 edit, 7 letters
    [InlineData("notifcaton", "notification")] // 2 edits, 10 letters
    public void Typo_WithinTheAllowedEdits_StillFindsTheArticle(string typo, string word)
    {
        var index = Index([.. Filler, Doc("t", $"About {word}", $"Everything about {word}.")]);

        Top(index, typo).ShouldBe("t");
    }

    [Fact]
    public void TwoTypos_InAShortWord_AreNotForgiven()
    {
        var index = Index([.. Filler, Doc("t", "Refund an order", "Refund.")]);

        index.Search("rfnud", English).ShouldNotContain(h => h.Id == "t");
    }

    [Fact]
    public void Typo_InAWordUnderFourLetters_IsNotForgiven()
    {
        var index = Index([.. Filler, Doc("t", "Set your tax rates", "Tax.")]);

        index.Search("tux", English).ShouldNotContain(h => h.Id == "t");
    }

    [Fact]
    public void LastWordBeingTyped_MatchesAsAPrefix()
    {
        var index = Index([.. Filler, Doc("p", "Reset your password", "Forgot it? Reset it.")]);

        Top(index, "reset passw", new SuggestionOptions { Language = "en" }).ShouldBe("p");
    }

    [Fact]
    public void EarlierWords_AreNotTreatedAsPrefixes()
    {
        var index = Index([.. Filler, Doc("p", "Password rules", "Passwords need 12 characters.")]);

        index.Search("passw rules", new SuggestionOptions { Language = "en" }).Single().MatchedTerms.ShouldBe(["rules"]);
    }

    [Fact]
    public void MoneyBack_FindsTheRefundArticle_ThroughTheDefaultSynonyms()
    {
        var index = Index([.. Filler, Doc("r", "Refund an order", "Open the order and click Refund.")]);

        Top(index, "money back").ShouldBe("r");
    }

    [Fact]
    public void EditingTheSynonymSet_ChangesResults_WithoutReindexing()
    {
        var index = Index([.. Filler, Doc("slip", "Print a packing slip", "Slips.")]).WithSynonyms(SynonymSet.Empty);
        index.Search("delivery note", English).ShouldBeEmpty();

        var edited = index.WithSynonyms(SynonymSet.Empty.With("delivery note", "packing slip"));

        Top(edited, "delivery note").ShouldBe("slip");
        edited.WithSynonyms(edited.Synonyms.Without("packing slip")).Search("delivery note", English).ShouldBeEmpty();
    }

    [Fact]
    public void TitleAndKeywordMatches_OutweighABodyMatch()
    {
        var index = Index(
            [.. Filler,
            Doc("body", "Store settings", "You can also set up webhooks here among many other settings of the store."),
            Doc("title", "Set up webhooks", "Send events to your server."),
            Doc("keywords", "Developer notifications", "Send events to your server.", keywords: "webhooks, callbacks")]);

        var ranked = index.Search("webhooks", English).Select(h => h.Id).ToList();

        ranked.IndexOf("body").ShouldBeGreaterThan(ranked.IndexOf("title"));
        ranked.IndexOf("body").ShouldBeGreaterThan(ranked.IndexOf("keywords"));
    }

    [Fact]
    public void InternalArticles_AreHiddenUnlessAsked()
    {
        var index = Index([.. Filler, Doc("internal", "Refund escalation checklist", "Refund policy for agents.", isInternal: true)]);

        index.Search("refund", English).ShouldBeEmpty();
        Top(index, "refund", English with { IncludeInternal = true }).ShouldBe("internal");
    }

    [Fact]
    public void SpanishQuery_FindsAnEnglishArticle_WhenNoSpanishOneCoversIt()
    {
        var index = Index([.. Filler, Doc("printer", "Set up a label printer", "Thermal printers print labels.")]);

        Top(index, "¿cómo configuro la impresora?", new SuggestionOptions()).ShouldBe("printer");
    }

    [Fact]
    public void Results_AreLimitedAndRanked()
    {
        var docs = Enumerable.Range(0, 30).Select(i => Doc($"d{i}", $"Order topic {i}", string.Join(' ', Enumerable.Repeat("order", i + 1))));
        var hits = SuggestionIndex.Build(docs).Search("order", English with { MaxResults = 5 });

        hits.Count.ShouldBe(5);
        hits.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void WordsSideBySide_OutrankTheSameWordsApart()
    {
        var index = Index(
            [.. Filler,
            Doc("apart", "Payment options", "A transfer of stock is not a payment. Your bank may also call."),
            Doc("together", "Payment options", "A bank transfer is a payment. The stock may also call.")]);

        Top(index, "bank transfer").ShouldBe("together");
    }

    [Fact]
    public void PostingBudget_KeepsTheArticlesWhereAWordMattersMost()
    {
        var docs = Enumerable.Range(0, 20).Select(i => Doc($"d{i}", $"Topic {i}", $"Some text about refund {i}."))
            .Append(Doc("best", "Refund an order", "Refund the order.", keywords: "refund"));
        var index = SuggestionIndex.Build(docs, SynonymSet.Empty, SuggestionTuning.Default with { PostingBudget = 1 });

        index.Search("refund", English).Select(h => h.Id).ShouldBe(["best"]);
    }

    [Fact]
    public void ConcurrentSearches_GetTheSameResultsAsOneAtATime()
    {
        var docs = Enumerable.Range(0, 300).Select(i => Doc($"d{i}", $"Order topic {i % 7}",
            $"Refund shipping label {i % 11} payment {i % 13} password {i % 5}"));
        var index = SuggestionIndex.Build(docs);
        string[] queries = ["refund order", "shipping label 3", "payment password", "order topic 4", "label"];
        var expected = queries.Select(q => string.Join(',', index.Search(q, English).Select(h => h.Id))).ToArray();

        var mismatches = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var q = i % queries.Length;
            if (string.Join(',', index.Search(queries[q], English).Select(h => h.Id)) != expected[q])
                Interlocked.Increment(ref mismatches);
        });

        mismatches.ShouldBe(0);
    }

    [Fact]
    public void StopWordBeingTyped_IsAPrefixInAShortSearch_ButNotAtTheEndOfADraft()
    {
        var index = Index(
            [.. Filler,
            Doc("theme", "Pick a theme", "Themes change how the store looks."),
            Doc("android", "Android app", "Use the Android app on your phone."),
            Doc("refund", "Refund an order", "Refund the whole order.")]);
        var typing = new SuggestionOptions { Language = "en" };

        index.Search("the", typing).Select(h => h.Id).ShouldContain("theme");
        index.Search("I will refund the whole order for her today and", typing).Select(h => h.Id).ShouldNotContain("android");
    }

    [Theory]
    [InlineData("clave api", "es")]
    [InlineData("plantilla tienda", "es")]
    [InlineData("api key", "en")]
    [InlineData("store theme", "en")]
    public void SearchWithoutLanguageCues_IsTakenForTheLanguageWhoseArticlesUseItsWords(string query, string expected)
    {
        var index = Index(
            [.. Filler,
            Doc("en-key", "Create an API key", "Keys let apps reach your store.", keywords: "api key"),
            Doc("en-theme", "Choose a theme", "The theme sets how your store looks."),
            Doc("es-key", "Crear una clave de API", "La clave da acceso a tu tienda.", language: "es"),
            Doc("es-theme", "Elegir una plantilla", "La plantilla cambia el aspecto de tu tienda.", language: "es")]);

        index.DetectLanguage(query).ShouldBe(expected);
    }

    [Fact]
    public void AWordTheQueryLanguageKnows_IsNotAlsoReadAsTheOtherLanguagesStem()
    {
        // Stemmed as Spanish, "customer" is "custom"; Filler f1 is about a custom domain. (No synonyms: the default
        // set stems every phrase both ways, so it would bring "custom" back on its own.)
        var index = SuggestionIndex.Build([.. Filler, Doc("accounts", "Customer accounts", "Customers can sign in.")], SynonymSet.Empty);

        index.Search("customer", English).Select(h => h.Id).ShouldBe(["accounts"]);
    }

    [Fact]
    public void VeryLongQuery_ScoresEveryWord_ButReportsTheFirstSixtyFour()
    {
        var words = Enumerable.Range(1, 70).Select(i => $"w{i}").ToArray();
        var index = Index(Doc("all", "Glossary", string.Join(' ', words)), Doc("late", "Topic", "w70"), Doc("none", "Other", "nothing"));

        var hits = index.Search(string.Join(' ', words), English);

        hits.Select(h => h.Id).ShouldBe(["all", "late"]);
        hits[0].MatchedTerms.Count.ShouldBe(64);
        hits[1].MatchedTerms.ShouldBeEmpty();
    }
}
