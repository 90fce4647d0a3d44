namespace AgentWorkspace.Features.Suggestions;

/// <summary>The live suggestion index, for one app-wide singleton. Readers take <see cref="Current"/> once per search
/// and keep using that immutable index even if a publish replaces it meanwhile; writers build a new index off to the
/// side and swap the reference in one atomic step, so no search ever sees a half-built index and none waits.</summary>
public sealed class SuggestionIndexHolder(SuggestionIndex? initial = null)
{
    private SuggestionIndex _current = initial ?? SuggestionIndex.Empty;

    public SuggestionIndex Current => Volatile.Read(ref _current);

    /// <summary>Installs <paramref name="index"/> and returns the one it replaced.</summary>
    public SuggestionIndex Replace(SuggestionIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Interlocked.Exchange(ref _current, index);
    }

    /// <summary>Builds an index of <paramref name="documents"/> and installs it. Building is the slow part and runs on
    /// the caller's thread while searches continue on the current index. When two rebuilds race, the last to finish
    /// wins, so callers that publish concurrently should pass the complete, latest document list each time.</summary>
    public SuggestionIndex Rebuild(IEnumerable<SuggestionDocument> documents, SynonymSet synonyms, SuggestionTuning? tuning = null)
    {
        var index = SuggestionIndex.Build(documents, synonyms, tuning ?? Current.Tuning);
        Replace(index);
        return index;
    }

    /// <summary>Swaps in an edited synonym set without re-indexing.</summary>
    public SuggestionIndex ReplaceSynonyms(SynonymSet synonyms)
    {
        while (true)
        {
            var current = Current;
            var updated = current.WithSynonyms(synonyms);
            if (Interlocked.CompareExchange(ref _current, updated, current) == current) return updated;
        }
    }

    public IReadOnlyList<SuggestionHit> Search(string query, SuggestionOptions? options = null) => Current.Search(query, options);
}
