using System.Diagnostics;
using System.Text;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// One agent child process in its own session and process group (started through <c>setsid</c> where it exists, so the
/// child's pid is its group id): stopping it reaches every process it started, detached grandchildren included. Without
/// <c>setsid</c> (Windows, macOS) it falls back to .NET's process-tree kill.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private static readonly string? Setsid = OperatingSystem.IsLinux() ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists) : null;

    private readonly Process _process;

    private AgentProcess(Process process, bool ownGroup)
    {
        _process = process;
        OwnGroup = ownGroup;
    }

    /// <summary>True when the agent leads its own process group (signals reach all its descendants).</summary>
    public bool OwnGroup { get; }

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public StreamReader StandardOutput => _process.StandardOutput;

    public StreamReader StandardError => _process.StandardError;

    public Stream StandardInput => _process.StandardInput.BaseStream;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; <paramref name="configure"/> adjusts the environment.</summary>
    public static AgentProcess Start(string fileName, IEnumerable<string> arguments, Action<IDictionary<string, string?>> configure)
    {
        var psi = new ProcessStartInfo(Setsid ?? fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (Setsid is not null)
        {
            psi.ArgumentList.Add(fileName);
        }

        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        configure(psi.Environment);
        var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new AgentProcess(process, Setsid is not null);
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Asks the agent (and its group) to stop with SIGTERM; waits up to <paramref name="grace"/>; then kills everything.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider clock)
    {
        if (OwnGroup && PosixSignals.SignalGroup(_process.Id, PosixSignals.SigTerm))
        {
            using var wait = new CancellationTokenSource(grace, clock);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not exit in time: killed below.
            }
        }

        KillAll();
    }

    /// <summary>Kills the agent and everything it left behind (its process group, else its visible tree).</summary>
    public void KillAll()
    {
        if (OwnGroup)
        {
            PosixSignals.SignalGroup(_process.Id, PosixSignals.SigKill);
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose() => _process.Dispose();
}
