using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

public class SuggestionSnippetTests
{
    private static string Text(IReadOnlyList<SnippetSegment> segments) => string.Concat(segments.Select(s => s.Text));

    private static string[] Marked(IReadOnlyList<SnippetSegment> segments) =>
        segments.Where(s => s.IsMatch).Select(s => s.Text).ToArray();

    private const string LongBody = """
        Nimbus keeps every order in one list, and you can filter it by status, channel or date whenever you need to.

        ## Steps
        1. Open **Orders** and pick the order you want to change.
        2. Scroll past the customer details, the timeline and the notes that your staff left for each other.
        3. Click **Refund**, choose the items and the amount, then confirm. The [refund](https://help.example.com/refunds) goes back to the original card.

        Shipping labels you already bought are not refunded automatically.
        """;

    [Fact]
    public void Snippet_IsThePassageAroundTheMatches_NotTheOpening()
    {
        var segments = SuggestionSnippet.Create("Orders", LongBody, ["refund", "card"]);

        Text(segments).ShouldContain("Click Refund");
        Text(segments).ShouldContain("original card");
        Text(segments).ShouldNotContain("Nimbus keeps every order");
        Marked(segments).ShouldContain("card");
    }

    [Fact]
    public void Snippet_IsShort_AndSaysWhenTextWasCut()
    {
        var segments = SuggestionSnippet.Create("Orders", LongBody, ["refund"]);
        var text = Text(segments);

        text.Length.ShouldBeLessThanOrEqualTo(SuggestionSnippet.DefaultMaxLength + 2); // plus the ellipses
        text.ShouldStartWith("…");
    }

    [Fact]
    public void MarkdownSyntax_IsStripped_AndLinksKeepTheirText()
    {
        var text = Text(SuggestionSnippet.Create("Orders", LongBody, ["refund", "card"]));

        text.ShouldNotContain("**");
        text.ShouldNotContain("](");
        text.ShouldNotContain("https://");
        text.ShouldNotContain("##");
        text.ShouldContain("The refund goes back");
    }

    [Fact]
    public void Matching_IsStemAware_AndMarksTheWordsAsWritten()
    {
        var segments = SuggestionSnippet.Create("Orders", "Refunds are refunded to the card that paid. Refunding takes days.", ["refund"]);

        Marked(segments).ShouldBe(["Refunds", "refunded", "Refunding"]);
    }

    [Fact]
    public void Matching_IgnoresAccentsAndCase()
    {
        var segments = SuggestionSnippet.Create("Contraseña", "Para cambiar la CONTRASEÑA abre tu perfil.", ["contrasena"], language: "es");

        Marked(segments).ShouldBe(["CONTRASEÑA"]);
    }

    [Fact]
    public void SpanishInflections_Match()
    {
        var segments = SuggestionSnippet.Create("Envíos", "Todos los envíos salen el lunes.", ["envio"], language: "es");

        Marked(segments).ShouldBe(["envíos"]);
    }

    [Fact]
    public void StopWords_AreNeverMarked()
    {
        var segments = SuggestionSnippet.Create("Orders", "The order of the refund is on the card.", ["the", "refund"]);

        Marked(segments).ShouldBe(["refund"]);
    }

    [Fact]
    public void MisspeltQueryWord_MarksTheWordItMeant()
    {
        var segments = SuggestionSnippet.Create("Shipping", "Shipping rates depend on the weight.", ["shiping"]);

        Marked(segments).ShouldBe(["Shipping"]);
    }

    [Fact]
    public void WordBeingTyped_MatchesAsAPrefix()
    {
        var segments = SuggestionSnippet.Create("Passwords", "Reset your password from the sign-in page.", ["reset", "passw"], lastTermIsPrefix: true);

        Marked(segments).ShouldBe(["Reset", "password"]);
    }

    [Fact]
    public void Synonyms_MarkTheArticlesOwnWord_WhenASetIsGiven()
    {
        var segments = SuggestionSnippet.Create("Refunds", "Open the order and click Refund.", ["money back"], synonyms: SynonymSet.Default);

        Marked(segments).ShouldBe(["Refund"]);
    }

    [Fact]
    public void RawHtml_ComesOutAsPlainText_SoTheUiCanEscapeIt()
    {
        var segments = SuggestionSnippet.Create("Widget", "Paste <script>alert(1)</script> into the widget settings.", ["widget"]);

        Text(segments).ShouldContain("<script>alert(1)</script>");
        segments.Where(s => s.IsMatch).ShouldAllBe(s => s.Text == "widget");
    }

    [Fact]
    public void NoMatch_GivesTheOpening()
    {
        var segments = SuggestionSnippet.Create("Orders", LongBody, ["xylophone"]);

        segments.ShouldAllBe(s => !s.IsMatch);
        Text(segments).ShouldStartWith("Nimbus keeps every order");
    }

    [Fact]
    public void EmptyBody_FallsBackToTheTitle()
    {
        var segments = SuggestionSnippet.Create("Refund an order", "", ["refund"]);

        Text(segments).ShouldBe("Refund an order");
        Marked(segments).ShouldBe(["Refund"]);
    }

    [Fact]
    public void Segments_ConcatenateToTheSnippet_WithMatchesAsWholeWords()
    {
        var segments = SuggestionSnippet.Create("Orders", LongBody, ["refund", "order", "card"]);

        segments.ShouldNotBeEmpty();
        segments.ShouldAllBe(s => s.Text.Length > 0);
        Marked(segments).ShouldAllBe(m => m.All(char.IsLetterOrDigit));
    }
}
