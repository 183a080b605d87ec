using Spectre.Console;
using Spectre.Console.Rendering;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>
/// Where <c>status</c> and <c>operations</c> write: Spectre.Console tables (and a spinner while the index is read) when
/// the output is this process's terminal, plain aligned lines otherwise (a pipe, a file, a test's writer, CI logs).
/// Cell text is always given as plain text, never as markup, so an issue title cannot style or break the table.
/// </summary>
public sealed class Screen
{
    private readonly TextWriter _output;
    private readonly IAnsiConsole? _console;

    private Screen(TextWriter output, IAnsiConsole? console)
    {
        _output = output;
        _console = console;
    }

    public bool Interactive => _console is not null;

    /// <summary>A rich screen when <paramref name="output"/> is the real console of a terminal; plain lines otherwise.</summary>
    public static Screen For(TextWriter output, bool realProcess)
    {
        ArgumentNullException.ThrowIfNull(output);
        var terminal = realProcess && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        return new Screen(output, terminal ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }) : null);
    }

    /// <summary>A plain screen over <paramref name="output"/> (tests, pipes).</summary>
    public static Screen Plain(TextWriter output) => new(output, null);

    public void Heading(string text)
    {
        if (_console is { } c)
        {
            c.Write(new Rule(text) { Justification = Justify.Left });
        }
        else
        {
            _output.WriteLine();
            _output.WriteLine(text);
        }
    }

    public void Line(string text)
    {
        if (_console is { } c)
        {
            c.Write(new Text(text + "\n"));
        }
        else
        {
            _output.WriteLine(text);
        }
    }

    /// <summary>A table; <paramref name="numeric"/> marks right-aligned columns.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlySet<int>? numeric = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (_console is { } c)
        {
            var table = new Table().Border(TableBorder.Rounded);
            for (var i = 0; i < header.Count; i++)
            {
                table.AddColumn(new TableColumn(new Text(header[i])) { Alignment = numeric?.Contains(i) == true ? Justify.Right : Justify.Left });
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
            }

            c.Write(table);
            return;
        }

        var widths = Enumerable.Range(0, header.Count).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        Row(header.ToArray(), widths, numeric);
        foreach (var row in rows)
        {
            Row(row, widths, numeric);
        }
    }

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal; plainly otherwise.</summary>
    public async Task<T> WhileAsync<T>(string what, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _console is { } c ? await c.Status().StartAsync(what, _ => work()) : await work();
    }

    private void Row(string[] cells, int[] widths, IReadOnlySet<int>? numeric)
    {
        var parts = cells.Select((cell, i) => i == cells.Length - 1 && numeric?.Contains(i) != true ? cell : numeric?.Contains(i) == true ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        _output.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
