using System.Globalization;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>A run of snippet text. <see cref="IsMatch"/> marks a word the query matched: render each segment as text
/// (a match inside &lt;mark&gt;), never as HTML, and the article's content cannot inject markup.</summary>
public readonly record struct SnippetSegment(string Text, bool IsMatch);

/// <summary>The passage of an article that best shows why it matched: plain text of about
/// <see cref="DefaultMaxLength"/> characters, Markdown stripped (links keep their text), query words marked. Words
/// match the way the engine matches them: accents and case folded, stemmed in the article's language (and the
/// other one, as the engine does), one typo allowed from four letters and two from eight when the word is nowhere in
/// the text exactly, the word being typed as a prefix, and single-word synonyms when a set is given.</summary>
public static class SuggestionSnippet
{
    public const int DefaultMaxLength = 160;
    private const string Ellipsis = "…";
    private const int WordsBeforeAMatch = 4; // context kept before a match that sits deep in a long sentence

    /// <param name="title">Breaks ties between passages (the one about the article's topic wins) and is the snippet
    /// when the body is empty.</param>
    /// <param name="queryTerms">Query words, for example <see cref="SuggestionHit.MatchedTerms"/>; a term may be a
    /// phrase.</param>
    /// <param name="language">The article's language ("en" or "es").</param>
    /// <param name="lastTermIsPrefix">The last term is still being typed: body words that start with it match.</param>
    public static IReadOnlyList<SnippetSegment> Create(string? title, string? markdownBody, IEnumerable<string> queryTerms,
        string? language = null, int maxLength = DefaultMaxLength, bool lastTermIsPrefix = false, SynonymSet? synonyms = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var lang = TextAnalyzer.NormalizeLanguage(language);
        var blocks = MarkdownPlainText.Blocks(markdownBody);
        if (blocks.Count == 0 && !string.IsNullOrWhiteSpace(title)) blocks.Add(title.Trim());
        if (blocks.Count == 0) return [];

        var (text, sentenceStarts) = Join(blocks);
        var words = Words(text, lang);
        var query = SnippetQuery.From(queryTerms, lang, lastTermIsPrefix, synonyms);
        var matches = query.Match(words);
        var titleStems = TextAnalyzer.Terms(title ?? "", lang).ToHashSet(StringComparer.Ordinal);

        var (start, end) = (0, FitEnd(words, text, 0, maxLength));
        var bestScore = Score(words, matches, titleStems, start, end);
        foreach (var i in Enumerable.Range(0, words.Count).Where(i => matches[i] >= 0))
        {
            var candidate = StartBefore(words, sentenceStarts, i, maxLength);
            var candidateEnd = FitEnd(words, text, candidate, maxLength);
            var score = Score(words, matches, titleStems, candidate, candidateEnd);
            if (score > bestScore) (start, end, bestScore) = (candidate, candidateEnd, score);
        }
        return Segments(text, words, matches, start, end);
    }

    internal readonly record struct Word(int Start, int End, string Folded, string Stem, string OtherStem);

    // Blocks joined by a space after a sentence, and by a middle dot after a heading, list item or table cell that
    // has no closing punctuation, so "Get updates" does not run into "Click Subscribe". A block's start, and the
    // start after ". ", "? " or "! ", begin a sentence.
    private static (string Text, List<int> SentenceStarts) Join(List<string> blocks)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        foreach (var block in blocks)
        {
            if (text.Length > 0) text.Append(text[^1] is '.' or '!' or '?' or ':' or ';' ? " " : " · ");
            var offset = text.Length;
            starts.Add(offset);
            for (var i = 1; i < block.Length; i++)
            {
                if (block[i] == ' ' && block[i - 1] is '.' or '?' or '!') starts.Add(offset + i + 1);
            }
            text.Append(block);
        }
        return (text.ToString(), starts);
    }

    private static List<Word> Words(string text, string language)
    {
        var words = new List<Word>();
        var other = TextAnalyzer.OtherLanguage(language);
        for (var i = 0; i < text.Length;)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var folded = TextAnalyzer.Fold(text[start..i]);
            words.Add(new Word(start, i, folded, TextAnalyzer.Stem(folded, language), TextAnalyzer.Stem(folded, other)));
        }
        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // Where a window showing word i starts: its sentence's start when that leaves the word well inside the window,
    // otherwise a few words before it.
    private static int StartBefore(List<Word> words, List<int> sentenceStarts, int i, int maxLength)
    {
        var sentence = sentenceStarts.LastOrDefault(s => s <= words[i].Start);
        if (words[i].Start - sentence <= maxLength / 2) return sentence;
        return words[Math.Max(0, i - WordsBeforeAMatch)].Start;
    }

    // The end of the last whole word (with the punctuation right after it) that fits in maxLength from start.
    private static int FitEnd(List<Word> words, string text, int start, int maxLength)
    {
        var end = Math.Min(text.Length, start + maxLength);
        if (end == text.Length) return end;
        var last = words.LastOrDefault(w => w.Start >= start && w.End <= end);
        if (last.End == 0) return end; // one word longer than the window: cut it
        end = last.End;
        while (end < text.Length && end - start < maxLength && text[end] is not ' ' && !IsWordChar(text[end])) end++;
        return end;
    }

    // Distinct query terms first, then how many matches, then the article's own title words.
    private static double Score(List<Word> words, int[] matches, HashSet<string> titleStems, int start, int end)
    {
        var terms = new HashSet<int>();
        var titleWords = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Start < start || words[i].End > end) continue;
            if (matches[i] >= 0) { terms.Add(matches[i]); count++; }
            if (titleStems.Contains(words[i].Stem)) titleWords.Add(words[i].Stem);
        }
        return terms.Count * 100 + Math.Min(count, 99) + titleWords.Count * 0.01;
    }

    private static List<SnippetSegment> Segments(string text, List<Word> words, int[] matches, int start, int end)
    {
        var segments = new List<SnippetSegment>();
        var plain = new System.Text.StringBuilder(start > 0 ? Ellipsis : "");
        var position = start;
        for (var i = 0; i < words.Count; i++)
        {
            if (matches[i] < 0 || words[i].Start < start || words[i].End > end) continue;
            plain.Append(text, position, words[i].Start - position);
            if (plain.Length > 0) segments.Add(new SnippetSegment(plain.ToString(), false));
            plain.Clear();
            segments.Add(new SnippetSegment(text[words[i].Start..words[i].End], true));
            position = words[i].End;
        }
        plain.Append(text, position, end - position);
        if (end < text.Length) plain.Append(Ellipsis);
        if (plain.Length > 0) segments.Add(new SnippetSegment(plain.ToString(), false));
        return segments;
    }
}
