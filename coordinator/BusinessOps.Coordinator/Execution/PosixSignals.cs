using System.Runtime.InteropServices;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Signals a whole process group (<c>kill(-pgid, sig)</c>): .NET can only SIGKILL one process or its visible tree, and a
/// grandchild that detached (<c>( sleep 300 &amp; )</c>) is in neither. Unix only.
/// </summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>True when the signal was delivered to at least one process of the group.</summary>
    public static bool SignalGroup(int processGroup, int signal) =>
        !OperatingSystem.IsWindows() && processGroup > 1 && Kill(-processGroup, signal) == 0;

    /// <summary>True while any process of the group is alive (signal 0 probes without signalling).</summary>
    public static bool GroupAlive(int processGroup) => SignalGroup(processGroup, 0);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
