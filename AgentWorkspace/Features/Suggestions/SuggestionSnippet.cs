using System.Text.RegularExpressions;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>A piece of a snippet; matched words are marked so a page can highlight them without raw HTML.</summary>
public sealed record SnippetSegment(string Text, bool IsMatch);

/// <summary>A short plain-text passage of an article around the words a query matched.</summary>
public static partial class SuggestionSnippet
{
    public const int Length = 160;

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[#>*_`|~]+|\s+")]
    private static partial Regex MarkdownNoise();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<SnippetSegment> Build(string markdown, IReadOnlyList<string> matchedTerms, string language)
    {
        var text = MarkdownNoise().Replace(markdown, m => m.Groups[1].Success ? m.Groups[1].Value : " ").Trim();
        var stems = matchedTerms.Select(t => TextAnalyzer.Stem(TextAnalyzer.Fold(t), language)).Where(s => s.Length > 0).ToHashSet();
        bool Matches(string word)
        {
            var folded = TextAnalyzer.Fold(word);
            return stems.Contains(TextAnalyzer.Stem(folded, language)) || stems.Any(s => s.Length >= 3 && folded.StartsWith(s, StringComparison.Ordinal));
        }

        var words = Word().Matches(text).ToList();
        var first = words.FirstOrDefault(w => Matches(w.Value));
        var start = first is null ? 0 : Math.Max(0, first.Index - 40);
        if (start > 0 && text.LastIndexOf(' ', start) is var space and > 0)
        {
            start = space + 1;
        }
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length && text.LastIndexOf(' ', end) is var cut && cut > start + Length / 2)
        {
            end = cut;
        }

        var segments = new List<SnippetSegment>();
        if (start > 0) segments.Add(new("…", false));
        var position = start;
        foreach (var word in words.Where(w => w.Index >= start && w.Index + w.Length <= end && Matches(w.Value)))
        {
            if (word.Index > position) segments.Add(new(text[position..word.Index], false));
            segments.Add(new(word.Value, true));
            position = word.Index + word.Length;
        }
        if (end > position) segments.Add(new(text[position..end], false));
        if (end < text.Length) segments.Add(new("…", false));
        return segments;
    }
}
