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

    /// <summary>Adds or replaces <paramref name="upserts"/> and drops <paramref name="removedIds"/> without rebuilding
    /// the compact index (<see cref="SuggestionIndex.WithChanges(IEnumerable{SuggestionDocument}, IEnumerable{string})"/>).
    /// Callers that change the same article concurrently must order their calls themselves.</summary>
    public SuggestionIndex Apply(IEnumerable<SuggestionDocument> upserts, IEnumerable<string>? removedIds = null)
    {
        var (documents, removed) = (upserts.ToList(), (removedIds ?? []).ToList());
        return Update(current => current.WithChanges(documents, removed));
    }

    /// <summary>Folds the pending changes into a new compact index. The build runs on the caller's thread while
    /// searches and further changes go on; changes made meanwhile are replayed on the new index before it is swapped
    /// in. Returns false when there was nothing to merge or a full rebuild replaced the index meanwhile.</summary>
    public bool Merge() => Merge(snapshot => snapshot.Merged());

    internal bool Merge(Func<SuggestionIndex, SuggestionIndex> build)
    {
        var snapshot = Current;
        if (snapshot.PendingChanges == 0) return false;
        var merged = build(snapshot);
        while (true)
        {
            var current = Current;
            if (!current.SharesCompactIndexWith(snapshot)) return false;
            var updated = merged.WithSynonyms(current.Synonyms).WithChanges(current.ChangesSince(snapshot.PendingChanges));
            if (Interlocked.CompareExchange(ref _current, updated, current) == current) return true;
        }
    }

    /// <summary>Swaps in an edited synonym set without re-indexing.</summary>
    public SuggestionIndex ReplaceSynonyms(SynonymSet synonyms) => Update(current => current.WithSynonyms(synonyms));

    // A change made from the index another writer just replaced is made again from the new one, never lost.
    private SuggestionIndex Update(Func<SuggestionIndex, SuggestionIndex> change)
    {
        while (true)
        {
            var current = Current;
            var updated = change(current);
            if (Interlocked.CompareExchange(ref _current, updated, current) == current) return updated;
        }
    }

    public IReadOnlyList<SuggestionHit> Search(string query, SuggestionOptions? options = null) => Current.Search(query, options);
}
