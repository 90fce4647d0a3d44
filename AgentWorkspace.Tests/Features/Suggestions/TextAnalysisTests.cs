using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

public class TextAnalysisTests
{
    [Theory]
    [InlineData("refunds", "refund")]
    [InlineData("refunded", "refund")]
    [InlineData("refunding", "refund")]
    [InlineData("shipping", "shipped")]
    [InlineData("charges", "charge")]
    [InlineData("countries", "country")]
    [InlineData("quickly", "quick")]
    public void EnglishInflections_ShareAStem(string a, string b) =>
        EnglishStemmer.Stem(a).ShouldBe(EnglishStemmer.Stem(b));

    [Theory]
    [InlineData("envios", "envio")]
    [InlineData("enviado", "envio")]
    [InlineData("errores", "error")]
    [InlineData("direcciones", "direccion")]
    [InlineData("tiendas", "tienda")]
    [InlineData("pagar", "pago")]
    public void SpanishInflections_ShareAStem(string a, string b) =>
        SpanishStemmer.Stem(a).ShouldBe(SpanishStemmer.Stem(b));

    [Fact]
    public void Folding_DropsAccentsAndCase() =>
        TextAnalyzer.Fold("Contraseña ÉXITO").ShouldBe("contrasena exito");

    [Fact]
    public void Terms_DropStopWordsAndSplitOnPunctuation() =>
        TextAnalyzer.Terms("How do I reset my password?", "en").ShouldBe(["reset", "password"]);

    [Fact]
    public void HyphenatedCompound_AlsoYieldsItsJoinedForm() =>
        TextAnalyzer.Terms("pre-order", "en").ShouldContain("preorder");

    [Theory]
    [InlineData("¿Cómo cambio la contraseña de mi cuenta?", "es")]
    [InlineData("no puedo entrar a la tienda", "es")]
    [InlineData("how do I change the password for my account", "en")]
    [InlineData("refund", "en")]
    public void Language_IsDetectedFromStopWordsAndCharacters(string text, string expected) =>
        LanguageDetector.Detect(text).ShouldBe(expected);
}
