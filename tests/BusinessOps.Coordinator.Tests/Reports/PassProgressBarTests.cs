using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reports.Terminal;
using Spectre.Console;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary><c>run</c>'s progress bar: on a terminal the log's lines are written above the bar; redirected, nothing changes.</summary>
public sealed class PassProgressBarTests
{
    [Fact]
    public async Task RunAsync_OnAnInteractiveConsole_LogLinesGoAboveTheBar_ThenBackToStderr()
    {
        using var screen = new StringWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        var output = new LogOutput(stderr);
        var log = new Log(new Serilog.LoggerConfiguration().WriteTo.Sink(new LineSink(() => output.Current)).CreateLogger(), verbose: false);
        var bar = PassProgressBar.Over(console, output);

        var result = await bar.RunAsync(() =>
        {
            bar.Deciding(1, 2);
            log.Info("#1 routed to ai-support-agent");
            bar.Running(0, 1);
            log.Warn("#2 [needs] triage");
            return Task.FromResult(7);
        });
        log.Info("pass done");

        Assert.Equal(7, result);
        Assert.True(bar.Visible);
        Assert.Contains("#1 routed to ai-support-agent", screen.ToString(), StringComparison.Ordinal);
        Assert.Contains("#2 [needs] triage", screen.ToString(), StringComparison.Ordinal);
        Assert.Equal("pass done\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_Silent_LeavesTheLogOnItsWriter()
    {
        using var stderr = new StringWriter();
        var output = new LogOutput(stderr);
        var bar = PassProgressBar.Silent(output);

        await bar.RunAsync(() =>
        {
            bar.Deciding(1, 2);
            output.Current.WriteLine("10:00:00 INF #1 routed");
            return Task.FromResult(0);
        });

        Assert.False(bar.Visible);
        Assert.Same(stderr, output.Current);
        Assert.Equal("10:00:00 INF #1 routed\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void For_AWriterThatIsNotTheProcessStderr_IsSilent()
    {
        Assert.False(PassProgressBar.For(new StringWriter(), new Dictionary<string, string?>(), new LogOutput(new StringWriter())).Visible);
    }

    [Fact]
    public void LinesAbove_PartialWrites_WholeLinesOnly_RestOnDispose()
    {
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        var lines = new LinesAbove(console);

        lines.Write("10:00:00 INF #1 ");
        lines.Write("routed\r\n12:00");
        var afterFirst = screen.ToString();
        lines.Write(":01 WRN [bold]x[/]");
        lines.Dispose();

        Assert.Equal("10:00:00 INF #1 routed\n", afterFirst.ReplaceLineEndings("\n"));
        Assert.Equal("10:00:00 INF #1 routed\n12:00:01 WRN [bold]x[/]\n", screen.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>The rendered message and a newline, to the writer looked up per event (as the coordinator's sink does).</summary>
    private sealed class LineSink(Func<TextWriter> writer) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => writer().Write(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + "\n");
    }
}
