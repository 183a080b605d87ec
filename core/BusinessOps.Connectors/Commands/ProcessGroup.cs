using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BusinessOps.Connectors.Commands;

/// <summary>
/// The one home for child processes that must be stoppable as a whole: the command connector's programs and the
/// coordinator's agent processes. A program starts as the leader of its own session and process group (through
/// <c>setsid</c> where it exists, so its pid is its group id), so stopping it reaches everything it started, including
/// children that detached from it (<c>( sleep 300 &amp; )</c>), which .NET's process-tree kill cannot see. Without
/// <c>setsid</c> (Windows, macOS) it falls back to the process-tree kill.
/// </summary>
public static class ProcessGroup
{
    /// <summary>SIGTERM: asks a process to stop.</summary>
    public const int SigTerm = 15;

    /// <summary>SIGKILL: stops a process at once.</summary>
    public const int SigKill = 9;

    private static readonly string? Setsid = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>True when started programs lead their own process group (signals reach all their descendants).</summary>
    public static bool OwnGroups => Setsid is not null;

    /// <summary>Start info for <paramref name="program"/> in a new session and process group when possible.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = Setsid is null ? new ProcessStartInfo(program) : new ProcessStartInfo(Setsid);
        if (Setsid is not null)
        {
            // setsid execs the program in place (same pid), which then leads a group whose id is that pid.
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Sends <paramref name="signal"/> to the whole group led by <paramref name="leader"/>; true when at least one process got it.</summary>
    public static bool Signal(int leader, int signal)
    {
        if (!OwnGroups || leader <= 1)
        {
            return false;
        }

        try
        {
            return KillGroup(-leader, signal) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call: callers fall back to the process-tree kill.
            return false;
        }
    }

    /// <summary>Asks the group to stop with SIGTERM, waits up to <paramref name="grace"/> for the leader to exit, then kills everything.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (Signal(process.Id, SigTerm))
        {
            using var wait = new CancellationTokenSource(grace, clock);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not exit in time: killed below.
            }
        }

        Kill(process);
    }

    /// <summary>Kills the process's whole group (when it leads one) and its process tree.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        _ = Signal(process.Id, SigKill);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks for the generated stub; one blittable call does not justify it.
    private static extern int KillGroup(int pid, int signal);
#pragma warning restore SYSLIB1054
}
