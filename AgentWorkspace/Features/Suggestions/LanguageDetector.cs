namespace AgentWorkspace.Features.Suggestions;

/// <summary>Tells English from Spanish by stop-word hits and Spanish-only characters. Short queries without cues
/// default to English, the help centre's main language.</summary>
public static class LanguageDetector
{
    public static string Detect(string text) => SpanishEvidence(text) > 0 ? TextAnalyzer.Spanish : TextAnalyzer.English;

    /// <summary>Positive for Spanish cues, negative for English ones, zero when the text gives none.</summary>
    public static double SpanishEvidence(string text)
    {
        double spanish = 0, english = 0;
        foreach (var c in text)
        {
            if (c is 'ñ' or 'Ñ' or '¿' or '¡') spanish += 2;
            else if (c is 'á' or 'é' or 'í' or 'ó' or 'ú') spanish += 1;
        }
        foreach (var token in TextAnalyzer.Tokenize(text))
        {
            var inEnglish = StopWords.English.Contains(token.Folded);
            var inSpanish = StopWords.Spanish.Contains(token.Folded);
            if (inEnglish && !inSpanish) english += 1;
            else if (inSpanish && !inEnglish) spanish += 1;
            else if (!inEnglish && !inSpanish && LooksSpanish(token.Folded)) spanish += 0.5;
        }
        return spanish - english;
    }

    // Endings common in Spanish content words and rare in English ones.
    private static bool LooksSpanish(string word) =>
        word.Length > 4 && (word.EndsWith("cion", StringComparison.Ordinal) || word.EndsWith("ciones", StringComparison.Ordinal)
            || word.EndsWith("ado", StringComparison.Ordinal) || word.EndsWith("ando", StringComparison.Ordinal)
            || word.EndsWith("iendo", StringComparison.Ordinal) || word.EndsWith("mente", StringComparison.Ordinal));
}
