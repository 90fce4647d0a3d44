namespace LiveBench;

internal static class LiveRun
{
    public static Task<int> RunAsync(RunOptions options) => Task.FromResult(0);
}
