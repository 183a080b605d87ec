using Spectre.Console;

namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>A Spectre.Console progress bar over the input's bytes (a spinner and a count for a pipe), drawn on stderr.</summary>
internal sealed class TerminalProgress(IAnsiConsole console) : IImportProgress
{
    /// <summary>A bar on the process's own stderr, which must be a terminal (see <see cref="ImportProgressFactory"/>).</summary>
    public static TerminalProgress OnStandardError() => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    }));

    public Task<T> RunAsync<T>(long? totalBytes, Func<Action<long, int>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("importing", maxValue: totalBytes is > 0 ? totalBytes.Value : 1);
                task.IsIndeterminate = totalBytes is not > 0;
                var result = await work((read, filed) =>
                {
                    task.Description = $"{filed} issues filed";
                    if (totalBytes is > 0)
                    {
                        task.Value = Math.Min(read, totalBytes.Value);
                    }
                });
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
}
