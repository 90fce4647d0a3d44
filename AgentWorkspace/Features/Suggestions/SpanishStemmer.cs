namespace AgentWorkspace.Features.Suggestions;

/// <summary>A conservative Spanish stemmer on accent-folded words: plurals, -ción/-ciones, participles and gerunds,
/// infinitives and the final gender vowel (envíos/envío/enviado/enviar -> envi).</summary>
internal static class SpanishStemmer
{
    private static readonly string[] VerbEndings = ["iendo", "ando", "ado", "ada", "ido", "ida", "ar", "er", "ir"];

    public static string Stem(string word)
    {
        if (word.Length <= 3) return word;
        var w = word;

        if (w.EndsWith("ciones", StringComparison.Ordinal)) w = w[..^6] + "cion";
        else if (w.EndsWith("ces", StringComparison.Ordinal) && w.Length > 5) w = w[..^3] + "z";
        else if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && !IsVowel(w[^3])) w = w[..^2];
        else if (w.EndsWith('s') && w.Length > 4) w = w[..^1];

        if (w.EndsWith("cion", StringComparison.Ordinal)) return w;

        foreach (var ending in VerbEndings)
        {
            if (w.EndsWith(ending, StringComparison.Ordinal) && w.Length - ending.Length >= 3)
            {
                w = w[..^ending.Length];
                break;
            }
        }

        if (w.Length > 3 && w[^1] is 'a' or 'o' or 'e') w = w[..^1];
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
