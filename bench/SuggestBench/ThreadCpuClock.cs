using System.Runtime.InteropServices;

namespace SuggestBench;

/// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). Beside wall-clock latency it shows what a
/// search costs when other processes share the cores: wall time includes waiting for a core, CPU time does not.</summary>
public static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Milliseconds of CPU this thread has used; 0 where the clock is unavailable.</summary>
    public static double NowMs()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeClock, out var t) != 0) return 0;
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }

    private static bool Probe()
    {
        try { return ClockGetTime(ThreadCpuTimeClock, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }
}
