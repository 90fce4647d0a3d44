using System.Collections.Concurrent;
using AgentWorkspace.Features.Suggestions;

namespace AgentWorkspace.Tests.Features.Suggestions;

/// <summary>A stand-in for the MiniLM model in app hosts: a vector counts a few concept words, so similarity is
/// predictable, embedding costs nothing, and every call is counted. <see cref="Hold"/> makes the encoder wait on texts
/// that contain a word, to catch an article before its vector exists.</summary>
public sealed class ConceptEmbedder : ISentenceEmbedder
{
    private static readonly string[] Concepts = ["parcel", "tracking", "delivery", "password", "refund", "invoice", "coupon", "gift"];
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ManualResetEventSlim released = new(true);
    private volatile string? held;

    public string Model => "test-concepts-1";

    public IReadOnlyCollection<string> Calls => calls;

    public int CallsContaining(string word) => calls.Count(c => c.Contains(word, StringComparison.OrdinalIgnoreCase));

    public void Hold(string word)
    {
        held = word;
        released.Reset();
    }

    public void Release()
    {
        held = null;
        released.Set();
    }

    public float[] Embed(string text)
    {
        calls.Enqueue(text);
        if (held is { } word && text.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            released.Wait(TimeSpan.FromSeconds(30));
        }
        var vector = new float[Concepts.Length + 1];
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < Concepts.Length; i++)
        {
            vector[i] = Occurrences(lower, Concepts[i]);
        }
        vector[^1] = 0.1f;
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }

    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
