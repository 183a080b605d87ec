using System.Globalization;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using Spectre.Console;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>
/// <c>run</c>'s progress bar: while a pass runs, a Spectre.Console bar on stderr says how many issues are decided and how
/// many queued runs have started, and the session's log lines are written above it (<see cref="LogOutput"/>). Drawn only
/// when stderr is this process's own terminal outside CI (<see cref="Activity.Shows"/>); otherwise it draws nothing and
/// the log is written exactly as without it — plain lines, no escape sequences.
/// </summary>
public sealed class PassProgressBar : IPassProgress
{
    private readonly IAnsiConsole? _console;
    private readonly LogOutput _log;

    /// <summary>The bar of the pass in progress; null between passes (updates are then dropped).</summary>
    private ProgressTask? _task;

    private PassProgressBar(IAnsiConsole? console, LogOutput log)
    {
        _console = console;
        _log = log;
    }

    public bool Visible => _console is not null;

    /// <summary>A bar on stderr when <paramref name="error"/> is the process's own stderr on a terminal outside CI; else silent.</summary>
    public static PassProgressBar For(TextWriter error, IReadOnlyDictionary<string, string?> environment, LogOutput log) =>
        Activity.Shows(ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, environment)
            ? Over(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.Yes,
            }), log)
            : Silent(log);

    /// <summary>A bar drawn on <paramref name="console"/>, the log's lines above it.</summary>
    public static PassProgressBar Over(IAnsiConsole console, LogOutput log) =>
        new(console ?? throw new ArgumentNullException(nameof(console)), log ?? throw new ArgumentNullException(nameof(log)));

    /// <summary>Draws nothing and leaves the log alone.</summary>
    public static PassProgressBar Silent(LogOutput log) => new(null, log ?? throw new ArgumentNullException(nameof(log)));

    /// <summary>Runs one pass under the bar; the bar is cleared when it ends, however it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        if (_console is not { } console)
        {
            return await pass();
        }

        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("reading issues", maxValue: 1);
                task.IsIndeterminate = true;
                Volatile.Write(ref _task, task);
                using var lines = new LinesAbove(console);
                using var redirected = _log.Redirect(lines);
                try
                {
                    return await pass();
                }
                finally
                {
                    Volatile.Write(ref _task, null);
                    task.StopTask();
                }
            });
    }

    public void Deciding(int done, int total) => Update("deciding", done, total);

    public void Running(int started, int total) => Update("starting agents", started, total);

    private void Update(string what, int done, int total)
    {
        if (Volatile.Read(ref _task) is not { } task)
        {
            return;
        }

        task.IsIndeterminate = false;
        task.MaxValue = Math.Max(1, total);
        task.Value = Math.Min(done, total);
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{what} {done:N0}/{total:N0}");
    }
}
