namespace AgentWorkspace.Features.Suggestions;

/// <summary>A light, Porter-flavoured English stemmer: plurals, -ed, -ing, -ly and a final silent e. It only has to
/// make inflected forms meet (refunds/refunded/refunding -> refund), not produce words.</summary>
internal static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3) return word;
        var w = word;

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && EndsWithSibilant(w.AsSpan(0, w.Length - 2)))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("eed", StringComparison.Ordinal)) { }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 2)))
        {
            w = w.Length - 2 >= 3 ? UndoubleConsonant(w[..^2]) : w[..^1];
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= 3 && HasVowel(w.AsSpan(0, w.Length - 3)))
        {
            w = UndoubleConsonant(w[..^3]);
        }
        else if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length - 2 >= 4)
        {
            w = w[..^2];
        }

        if (w.Length > 4 && w.EndsWith('e')) w = w[..^1];
        if (w.Length > 3 && w.EndsWith('y') && !IsVowel(w[^2])) w = w[..^1] + "i";
        return w;
    }

    private static bool EndsWithSibilant(ReadOnlySpan<char> stem) =>
        stem.EndsWith("x") || stem.EndsWith("z") || stem.EndsWith("ch") || stem.EndsWith("sh") || stem.EndsWith("ss");

    private static string UndoubleConsonant(string w) =>
        w.Length >= 4 && w[^1] == w[^2] && !IsVowel(w[^1]) && w[^1] is not ('l' or 's' or 'z') ? w[..^1] : w;

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (IsVowel(c)) return true;
        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
