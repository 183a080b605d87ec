using System.Text;
using Spectre.Console;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>
/// A writer whose complete lines go to a console that is showing a live display (a progress bar): Spectre writes each one
/// above the display and redraws it, so neither draws over the other. Text, never markup: a log line cannot style the
/// terminal. A line not yet ended waits for its end (or for <see cref="Dispose(bool)"/>).
/// </summary>
internal sealed class LinesAbove(IAnsiConsole console) : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var c in value)
            {
                Append(c);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_line.Length > 0)
            {
                Emit();
            }
        }

        base.Dispose(disposing);
    }

    private void Append(char c)
    {
        if (c == '\n')
        {
            Emit();
        }
        else if (c != '\r')
        {
            _line.Append(c);
        }
    }

    private void Emit()
    {
        console.Write(new Text(_line.Append('\n').ToString()));
        _line.Clear();
    }
}
