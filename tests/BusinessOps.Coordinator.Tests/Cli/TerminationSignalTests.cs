using System.Diagnostics;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// The real coordinator process under <c>run --monitor</c>, stopped by a signal: it stops cleanly and exits 130 (SIGINT) or
/// 143 (SIGTERM) as the README's table says. Found in the user trial: both signals killed it outright, no "stopped" line,
/// and the exit status was the signal's death, not the documented code.
/// </summary>
public sealed class TerminationSignalTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public async Task RunMonitor_Signal_StopsCleanlyWithTheDocumentedExitCode(string signal, int expected)
    {
        await _cli.RunAsync("issues", "file", "--title", "A question", "--store", _cli.StorePath);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "coordinator.dll"), "run", "--monitor", "--interval", "1h", "--store", _cli.StorePath, "--log-format", "text"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _cli.Root,
        };
        start.Environment["BUSINESSOPS_AUTOMATION"] = "off";
        start.Environment.Remove("CI");
        start.Environment.Remove("GITHUB_ACTIONS");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var log = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            log.Add(line);
            if (line.Contains("pass done:", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync(timeout.Token);
        }

        log.AddRange((await process.StandardError.ReadToEndAsync(timeout.Token)).Split('\n'));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;

        Assert.Equal(expected, process.ExitCode);
        Assert.Contains(log, l => l.Contains("stopped: work in flight was finished or cleanly abandoned", StringComparison.Ordinal));
    }
}
