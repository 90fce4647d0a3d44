using System.Globalization;
using System.Text;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>A word as it appeared in the text: accent-folded and lower-cased, plus whether it started upper-case.</summary>
internal readonly record struct RawToken(string Folded, bool Capitalized, bool HyphenatedToPrevious = false);

/// <summary>Folding, tokenizing, stop words and stemming: the one place text becomes index terms, shared by
/// indexing and querying so both sides always agree.</summary>
internal static class TextAnalyzer
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>FormD then drop non-spacing marks, lower-case: "Contraseña" -> "contrasena".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Splits on anything that is not a letter or digit; keeps case information for name detection.</summary>
    public static List<RawToken> Tokenize(string text)
    {
        var tokens = new List<RawToken>();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(24);
        var capitalized = false;
        var hyphenated = false;
        var previous = '\0';
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (sb.Length == 0)
                {
                    capitalized = char.IsUpper(c);
                    hyphenated = previous == '-' && tokens.Count > 0;
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0)
            {
                tokens.Add(new RawToken(sb.ToString(), capitalized, hyphenated));
                sb.Clear();
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) previous = c;
        }
        if (sb.Length > 0) tokens.Add(new RawToken(sb.ToString(), capitalized, hyphenated));
        return tokens;
    }

    public static bool IsStopWord(string folded) => folded.Length < 2 || StopWords.Contains(folded);

    public static string Stem(string folded, string language) =>
        language == Spanish ? SpanishStemmer.Stem(folded) : EnglishStemmer.Stem(folded);

    /// <summary>How a word pair is shown (a query group's surface); the index keys pairs by their two word ids.</summary>
    public static string Pair(string first, string second) => first + " " + second;

    public static string OtherLanguage(string language) => language == Spanish ? English : Spanish;

    /// <summary>Index terms of a document field: stemmed with the document's language, stop words dropped.
    /// A hyphenated compound also yields its joined form, so "pre-order" meets "preorder".</summary>
    public static IEnumerable<string> Terms(string text, string language)
    {
        var tokens = Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsStopWord(tokens[i].Folded)) yield return Stem(tokens[i].Folded, language);
            if (tokens[i].HyphenatedToPrevious) yield return Stem(tokens[i - 1].Folded + tokens[i].Folded, language);
        }
    }

    public static string NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return English;
        return language.Trim().StartsWith(Spanish, StringComparison.OrdinalIgnoreCase) ? Spanish : English;
    }
}
