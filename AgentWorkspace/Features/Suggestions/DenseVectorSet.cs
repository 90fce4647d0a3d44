using System.Numerics.Tensors;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>
/// The article vectors searches compare a query with: immutable, so a search keeps the set it started with while the
/// background worker swaps in a new one. A change copies the row references (80 KB at 10,000 articles), never the
/// vectors themselves.
/// </summary>
public sealed class DenseVectorSet
{
    private readonly string[] ids;
    private readonly float[][] vectors;
    private readonly string[] hashes;
    private readonly Dictionary<string, int> positions;

    public static DenseVectorSet Empty { get; } = new([], [], []);

    private DenseVectorSet(string[] ids, float[][] vectors, string[] hashes)
    {
        (this.ids, this.vectors, this.hashes) = (ids, vectors, hashes);
        positions = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            positions[ids[i]] = i;
        }
    }

    public int Count => ids.Length;

    public IReadOnlyList<string> Ids => ids;

    public bool Contains(string id) => positions.ContainsKey(id);

    /// <summary>The article's index in <see cref="Ids"/> and <see cref="Similarities"/>, or -1.</summary>
    public int PositionOf(string id) => positions.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The content hash the article's vector was made from, or null when it has none.</summary>
    public string? HashOf(string id) => positions.TryGetValue(id, out var i) ? hashes[i] : null;

    public DenseVectorSet With(IEnumerable<(string Id, float[] Vector, string Hash)> changes)
    {
        var (newIds, newVectors, newHashes) = (ids.ToList(), vectors.ToList(), hashes.ToList());
        var at = new Dictionary<string, int>(positions, StringComparer.Ordinal);
        foreach (var (id, vector, hash) in changes)
        {
            if (at.TryGetValue(id, out var i))
            {
                (newVectors[i], newHashes[i]) = (vector, hash);
            }
            else
            {
                at[id] = newIds.Count;
                newIds.Add(id);
                newVectors.Add(vector);
                newHashes.Add(hash);
            }
        }
        return new([.. newIds], [.. newVectors], [.. newHashes]);
    }

    public DenseVectorSet Without(IReadOnlyCollection<string> removed)
    {
        if (!removed.Any(Contains))
        {
            return this;
        }
        var keep = Enumerable.Range(0, ids.Length).Where(i => !removed.Contains(ids[i])).ToList();
        return new([.. keep.Select(i => ids[i])], [.. keep.Select(i => vectors[i])], [.. keep.Select(i => hashes[i])]);
    }

    /// <summary>Cosine similarity of every article with <paramref name="query"/> (all vectors are unit length, so a
    /// dot product), in <see cref="Ids"/> order; SIMD through TensorPrimitives.</summary>
    public float[] Similarities(ReadOnlySpan<float> query)
    {
        var result = new float[ids.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = TensorPrimitives.Dot(vectors[i], query);
        }
        return result;
    }
}
