using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BusinessOps.Connectors.Commands;

/// <summary>
/// Starts a program as the leader of its own process group (through <c>setsid</c> where it exists) so that stopping
/// it stops everything it started, including children that detached from it; falls back to killing the process tree.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    private static readonly string? Setsid = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>Start info for <paramref name="program"/> in a new session and process group when possible.</summary>
    public static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
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

    /// <summary>Kills the process's whole group (when it leads one) and its process tree.</summary>
    public static void Kill(Process process)
    {
        if (Setsid is not null)
        {
            try
            {
                _ = KillGroup(-process.Id, SigKill);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc to call: the tree kill below still stops every attached descendant.
            }
        }

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
