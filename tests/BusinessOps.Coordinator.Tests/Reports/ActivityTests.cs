using BusinessOps.Coordinator.Reports.Terminal;
using Spectre.Console;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>The spinner of long <c>report</c> steps: drawn on a terminal of our own, silent when redirected or in CI.</summary>
public sealed class ActivityTests
{
    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, "CI", "true", false)]
    [InlineData(true, "GITHUB_ACTIONS", "true", false)]
    [InlineData(true, "CI", "false", true)]
    public void Shows_OnlyOnOurOwnTerminalOutsideCi(bool ownTerminal, string? variable, string? value, bool expected)
    {
        var env = new Dictionary<string, string?>();
        if (variable is not null)
        {
            env[variable] = value;
        }

        Assert.Equal(expected, Activity.Shows(ownTerminal, env));
    }

    [Fact]
    public void For_AWriterThatIsNotTheProcessStderr_IsSilent()
    {
        Assert.False(Activity.For(new StringWriter(), new Dictionary<string, string?>()).Visible);
    }

    [Fact]
    public async Task RunAsync_OnAnInteractiveConsole_DrawsWhatItIsDoing_AndReturnsTheResult()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });

        var result = await Activity.Over(console).RunAsync("Reading the issues index…", status =>
        {
            status("Printing [the] PDF…");
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Contains("Printing [the] PDF…", screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Silent_RunsTheWorkAndDrawsNothing()
    {
        var updates = 0;

        var result = await Activity.Silent.RunAsync("Reading…", status =>
        {
            status("still reading");
            updates++;
            return Task.FromResult("done");
        });

        Assert.Equal(("done", 1), (result, updates));
    }
}
