using System.Diagnostics;
using System.Text;
using BusinessOps.Connectors.Commands;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// One agent child process in its own session and process group (<see cref="ProcessGroup"/>): stopping it reaches every
/// process it started, detached grandchildren included.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public StreamReader StandardOutput => _process.StandardOutput;

    public StreamReader StandardError => _process.StandardError;

    public Stream StandardInput => _process.StandardInput.BaseStream;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; <paramref name="configure"/> adjusts the environment.</summary>
    public static AgentProcess Start(string fileName, IEnumerable<string> arguments, Action<IDictionary<string, string?>> configure)
    {
        var psi = ProcessGroup.StartInfo(fileName, arguments);
        psi.RedirectStandardInput = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.StandardOutputEncoding = Encoding.UTF8;
        psi.StandardErrorEncoding = Encoding.UTF8;
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

        return new AgentProcess(process);
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Asks the agent (and its group) to stop with SIGTERM; waits up to <paramref name="grace"/>; then kills everything.</summary>
    public Task StopAsync(TimeSpan grace, TimeProvider clock) => ProcessGroup.StopAsync(_process, grace, clock);

    /// <summary>Kills the agent and everything it left behind (its process group, else its visible tree).</summary>
    public void KillAll() => ProcessGroup.Kill(_process);

    public void Dispose() => _process.Dispose();
}
