namespace AgentWorkspace.Features.Suggestions;

/// <summary>An article as the suggestion engine sees it. <paramref name="Keywords"/> is free text (comma-separated is fine).</summary>
public sealed record SuggestionDocument(string Id, string Language, string Title, string Keywords, string Body, bool Internal);

/// <summary>One ranked result; <paramref name="MatchedTerms"/> are the query words (as typed, folded) that matched it.</summary>
public sealed record SuggestionHit(string Id, double Score, IReadOnlyList<string> MatchedTerms);

public sealed record SuggestionOptions
{
    public int MaxResults { get; init; } = 10;

    /// <summary>"en" or "es"; when null the query's language is detected.</summary>
    public string? Language { get; init; }

    /// <summary>False for anything a customer sees.</summary>
    public bool IncludeInternal { get; init; }

    /// <summary>True when the query is still being typed, so its last word may be a prefix.</summary>
    public bool LastTokenIsPrefix { get; init; } = true;
}

/// <summary>Scoring knobs. Defaults are the values measured on the kb-eval dev set (docs/BENCHMARKS.md).</summary>
public sealed record SuggestionTuning
{
    public float TitleWeight { get; init; } = 3.0f;
    public float KeywordsWeight { get; init; } = 2.5f;
    /// <summary>The body's opening paragraph, which says what the article is about.</summary>
    public float LeadWeight { get; init; } = 2.0f;
    public float BodyWeight { get; init; } = 0.7f;
    public float TitleB { get; init; } = 0.5f;
    public float KeywordsB { get; init; } = 0.5f;
    public float BodyB { get; init; } = 0.75f;
    public float K1 { get; init; } = 1.2f;
    public float OneEditWeight { get; init; } = 0.7f;
    public float TwoEditWeight { get; init; } = 0.5f;
    public float PrefixWeight { get; init; } = 0.7f;
    public float SynonymWeight { get; init; } = 0.6f;
    public float OtherLanguageStemWeight { get; init; } = 0.9f;
    /// <summary>Score factor for an article in English (the complete set) when the query is in another language.</summary>
    public float PrimaryLanguageFallback { get; init; } = 1.0f;
    /// <summary>Score factor for an article in a secondary language when the query is not in that language.</summary>
    public float OtherLanguagePenalty { get; init; } = 0.7f;
    public float PairWeight { get; init; } = 0.7f;
    public float CoverageExponent { get; init; } = 0.3f;
    public int MaxPrefixExpansions { get; init; } = 10;
    public int MaxTypoCandidates { get; init; } = 4;
    /// <summary>Postings one search may walk, shared equally among its query terms, each list best first. It bounds
    /// the cost of a huge pasted text; drafts of a few dozen words stay exact at 100,000 articles
    /// (docs/BENCHMARKS.md, SuggestBench --fidelity).</summary>
    public int PostingBudget { get; init; } = 4_000_000;

    public static SuggestionTuning Default { get; } = new();
}
