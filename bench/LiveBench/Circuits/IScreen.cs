namespace LiveBench.Circuits;

/// <summary>
/// What shows that a change reached a screen: <paramref name="Text"/> appears in what the server sends (a protocol
/// screen reads render batches) or in the page (a browser screen); a browser checks <paramref name="Selector"/>
/// instead when given, for changes whose text is not unique on the page (a status badge).
/// </summary>
internal sealed record Probe(string Text, string? Selector = null);

/// <summary>An agent screen held open on a page; it reports when a change first shows on it.</summary>
internal interface IScreen : IAsyncDisposable
{
    string Email { get; }
    string Path { get; }
    string Kind { get; }
    bool IsClosed { get; }

    Task OpenAsync(CancellationToken ct);

    /// <summary>
    /// Starts watching for <paramref name="probe"/> and returns once the watch is in place, with a task that completes
    /// with the Stopwatch timestamp at which the change first showed.
    /// </summary>
    Task<Task<long>> ArmAsync(Probe probe);

    void Forget(Probe probe);
}
