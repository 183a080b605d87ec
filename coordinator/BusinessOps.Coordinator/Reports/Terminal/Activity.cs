using Spectre.Console;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>
/// A spinner saying what a long command is doing (reading the issues index, computing, printing the PDF), drawn on
/// stderr only when stderr is this process's own terminal and the command is not running in CI. Silent otherwise — a
/// pipe, a file, a test's writer, an Actions log — so redirected output never carries escape sequences or spinner frames.
/// Nothing else may write to the terminal while <see cref="RunAsync{T}"/> runs: callers print their results after it.
/// </summary>
public sealed class Activity
{
    private readonly IAnsiConsole? _console;

    private Activity(IAnsiConsole? console) => _console = console;

    /// <summary>Draws nothing.</summary>
    public static Activity Silent { get; } = new(null);

    public bool Visible => _console is not null;

    /// <summary>A spinner on stderr when <paramref name="error"/> is the process's own stderr on a terminal outside CI; else <see cref="Silent"/>.</summary>
    public static Activity For(TextWriter error, IReadOnlyDictionary<string, string?> environment) =>
        Shows(ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, environment)
            ? Over(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.Yes,
            }))
            : Silent;

    /// <summary>A spinner drawn on <paramref name="console"/>.</summary>
    public static Activity Over(IAnsiConsole console) => new(console ?? throw new ArgumentNullException(nameof(console)));

    /// <summary>True on a terminal of our own, unless a CI system runs us (its log is not a terminal, whatever it claims).</summary>
    public static bool Shows(bool ownTerminal, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        static bool Set(string? value) => value is { Length: > 0 } v && !v.Equals("false", StringComparison.OrdinalIgnoreCase) && v != "0";
        return ownTerminal && !Set(environment.GetValueOrDefault("CI")) && !Set(environment.GetValueOrDefault("GITHUB_ACTIONS")) && !Set(environment.GetValueOrDefault("TF_BUILD"));
    }

    /// <summary>Runs <paramref name="work"/> under a spinner showing <paramref name="what"/>; <paramref name="work"/> may change the text.</summary>
    public async Task<T> RunAsync<T>(string what, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_console is not { } console)
        {
            return await work(_ => { });
        }

        // Status text is markup to Spectre: escaped, so a client id or a path can never style or break the line.
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), context => work(text => context.Status(Markup.Escape(text))));
    }
}
