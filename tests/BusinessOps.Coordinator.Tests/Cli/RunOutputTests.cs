using System.Text.RegularExpressions;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// <c>run</c> with its output redirected (a file, a pipe, a CI log): the progress bar is not drawn, so stderr holds the
/// log's lines and nothing else — no escape sequences, no carriage returns, no bar frames.
/// </summary>
public sealed partial class RunOutputTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_Redirected_OnlyPlainLogLines()
    {
        await _cli.RunAsync("issues", "file", "--title", "A question", "--store", _cli.StorePath);
        await _cli.RunAsync("issues", "file", "--title", "nobody routes this", "--store", _cli.StorePath);

        var run = await _cli.RunAsync("run", "--once", "--store", _cli.StorePath, "--log-format", "text", "--verbose");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.DoesNotContain('\r', run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(LogLine(), line));
        Assert.Contains(lines, l => l.Contains("pass done: 2 examined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ShippedAlertsPlaceholder_WarnedOncePerRun()
    {
        // Found in the user trial: the dashboard and the scheduled reports each loaded alerts.yml and each warned.
        await _cli.RunAsync("issues", "file", "--title", "A question", "--store", _cli.StorePath);

        var run = await _cli.RunAsync("run", "--once", "--store", _cli.StorePath, "--log-format", "text");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(run.Error.Split('\n'), l => l.Contains("'onCall' still names the placeholder", StringComparison.Ordinal));
    }

    /// <summary>A text log line: time, level, message (<c>Logs.TextTemplate</c>).</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d (DBG|INF|WRN|ERR) \S")]
    private static partial Regex LogLine();
}
