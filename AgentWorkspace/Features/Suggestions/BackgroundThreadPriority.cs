using System.Runtime.InteropServices;

namespace AgentWorkspace.Features.Suggestions;

/// <summary>Makes the calling thread yield to normal work. <see cref="Thread.Priority"/> does nothing on Linux (the
/// thread keeps nice 0), so there the thread's nice value is raised with setpriority(2), which needs no privilege.</summary>
internal static class BackgroundThreadPriority
{
    private const int PrioProcess = 0;

    public static void Lower()
    {
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        if (OperatingSystem.IsLinux())
        {
            // On Linux a "process" id given to setpriority may be a thread id: only this thread is lowered.
            _ = SetPriority(PrioProcess, GetThreadId(), 10);
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code enabled for the whole app for two int calls.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
