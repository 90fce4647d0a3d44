using AgentWorkspace.Features.Suggestions;
using Microsoft.Extensions.Configuration;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>The lexical + MiniLM mix with the real model, on a small KB written for these tests (not the eval set).</summary>
public sealed class DenseRerankerTests(DenseRerankerTests.Model model) : IClassFixture<DenseRerankerTests.Model>
{
    /// <summary>The model, loaded once for the class.</summary>
    public sealed class Model : IDisposable
    {
        public MiniLmEmbedder Embedder { get; } = new();

        public void Dispose() => Embedder.Dispose();
    }

    private static SuggestionDocument Doc(string id, string title, string keywords, string body, string language = "en") =>
        new(id, language, title, keywords, body, Internal: false);

    private static readonly SuggestionDocument[] Kb =
    [
        Doc("password", "Reset a forgotten password", "password, reset, forgot",
            "Click 'Forgot password?' on the sign-in page and we send a reset link. The link works for one hour; choose a new password of at least 12 characters."),
        Doc("email", "Change the email address on your account", "email, account, profile",
            "Open Account settings, choose Profile and type your new email address. We send a confirmation message to the new address, and your account keeps the old email address until you confirm it. Your orders stay on your account."),
        Doc("refund", "Refunds for returned items", "refund, return, money back",
            "Once we receive the returned item, the refund goes to the original payment method within 5 business days."),
        Doc("tracking", "Track your order", "tracking, shipping, parcel",
            "Every shipped order has a tracking number in the confirmation email. Open the link to see where the parcel is."),
        Doc("close", "Close your account", "delete account, close account",
            "To close your account for good, open Account settings and choose Close account. Your order history is deleted after 30 days."),
        Doc("giftcard", "Redeem a gift card", "gift card, voucher",
            "Enter the gift card code at checkout. The balance is kept for the next order."),
    ];

    // "account" and "email"-article words lead the lexical engine to the wrong article; the problem is the password.
    private const string CustomerMessage =
        "Hi, since this morning the sign-in page says what I type is wrong, on my phone and on my laptop. "
        + "I can't remember what I picked when I opened my account, it was years ago. How do I get back in?";

    [Fact]
    public void ALongEnglishCustomerMessage_WhereLexicalRanksAWrongArticleFirst_GetsTheRightOneFromTheHybrid()
    {
        var index = SuggestionIndex.Build(Kb);
        var settings = new DenseSettings();
        var lexical = index.Search(CustomerMessage, new SuggestionOptions { MaxResults = settings.Candidates });

        var hybrid = Rank(index, CustomerMessage, settings);

        lexical[0].Id.ShouldNotBe("password", $"lexical: {string.Join(", ", lexical.Select(h => $"{h.Id} {h.Score:F2}"))}");
        DenseReranker.Applies(CustomerMessage, settings).ShouldBeTrue();
        hybrid[0].Id.ShouldBe("password", $"hybrid: {string.Join(", ", hybrid.Select(h => $"{h.Id} {h.Score:F3}"))}; lexical: {string.Join(", ", lexical.Select(h => $"{h.Id} {h.Score:F2}"))}");
    }

    [Fact]
    public void SpanishText_StaysLexical_AndIsNotEmbedded()
    {
        const string spanish = "Hola, llevo toda la mañana intentando entrar en mi cuenta desde el móvil y me dice que la contraseña no es correcta, ¿qué puedo hacer?";

        DenseReranker.Applies(spanish, new DenseSettings()).ShouldBeFalse();
        DenseReranker.Applies(spanish, new DenseSettings { EnglishOnly = false }).ShouldBeTrue();
    }

    [Fact]
    public void TheEncoder_GivesTheSameVectorsWhenCalledFromSeveralThreadsAtOnce()
    {
        var texts = Kb.Select(DenseReranker.ArticleText).Append(CustomerMessage).ToArray();
        var sequential = texts.Select(model.Embedder.Embed).ToArray();

        var concurrent = new float[texts.Length * 4][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = model.Embedder.Embed(texts[i % texts.Length]));

        for (var i = 0; i < concurrent.Length; i++)
        {
            concurrent[i].ShouldBe(sequential[i % texts.Length]);
        }
    }

    [Fact]
    public void AnArticleWithoutAVectorYet_RanksByItsLexicalScoreAlone()
    {
        var index = SuggestionIndex.Build(Kb);
        var settings = new DenseSettings();
        var withoutPassword = Vectors(Kb.Where(d => d.Id != "password"));
        const string query = "I forgot my password and the reset link you sent has expired, what do I do now?";
        var lexical = index.Search(query, new SuggestionOptions { MaxResults = settings.Candidates });
        lexical[0].Id.ShouldBe("password");

        var hybrid = DenseReranker.Fuse(lexical, model.Embedder.Embed(query), withoutPassword, settings.Weight, _ => true, 5);

        hybrid[0].Id.ShouldBe("password", $"hybrid: {string.Join(", ", hybrid.Select(h => $"{h.Id} {h.Score:F3}"))}");
        hybrid[0].Score.ShouldBe(1, 1e-9); // the top lexical score, as if its dense score matched it
    }

    [Fact]
    public void ADenseWeightOutsideZeroToOne_IsAClearConfigurationError()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suggestions:Dense:Weight"] = "1.5" }).Build();

        var error = Should.Throw<InvalidOperationException>(() => DenseSettings.From(configuration));

        error.Message.ShouldContain("Weight must be between 0 and 1");
        DenseSettings.From(new ConfigurationBuilder().Build()).ShouldBe(new DenseSettings());
    }

    private DenseVectorSet Vectors(IEnumerable<SuggestionDocument> documents) => DenseVectorSet.Empty.With(
        documents.Select(d => (d.Id, model.Embedder.Embed(DenseReranker.ArticleText(d)), DenseReranker.ContentHash(model.Embedder.Model, DenseReranker.ArticleText(d)))).ToList());

    private IReadOnlyList<SuggestionHit> Rank(SuggestionIndex index, string query, DenseSettings settings)
    {
        var lexical = index.Search(query, new SuggestionOptions { MaxResults = settings.Candidates });
        return DenseReranker.Fuse(lexical, model.Embedder.Embed(query), Vectors(Kb), settings.Weight, _ => true, 5);
    }
}
