namespace BusinessOps.Coordinator.Logging;

/// <summary>
/// Where a session's log lines are written: its stderr, or — while a live display such as <c>run</c>'s progress bar owns
/// the terminal — a writer that puts each line above the display, so log lines and the bar never draw over each other.
/// The logger looks the writer up per event, so a swap applies from the next line on.
/// </summary>
public sealed class LogOutput(TextWriter writer)
{
    private TextWriter _current = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>The writer of the next log line.</summary>
    public TextWriter Current => Volatile.Read(ref _current);

    /// <summary>Sends log lines to <paramref name="replacement"/> until the returned scope is disposed, then back to the writer before.</summary>
    public IDisposable Redirect(TextWriter replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return new Scope(this, Interlocked.Exchange(ref _current, replacement));
    }

    private sealed class Scope(LogOutput output, TextWriter previous) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref output._current, previous);
    }
}
