using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>The compact, aligned table of <c>coordinator issues list</c>.</summary>
internal static class IssueTable
{
    private const int TitleWidth = 60;
    private const int LabelsWidth = 60;

    public static void Write(TextWriter output, IReadOnlyList<IssueSnapshot> issues)
    {
        string[] header = ["#", "STATE", "TITLE", "LABELS", "UPDATED"];
        var rows = issues.Select(i => new[]
        {
            "#" + i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i.State == IssueState.Closed ? "closed" : "open",
            HumanText.Line(i.Title, TitleWidth),
            HumanText.Line(string.Join(", ", i.Labels), LabelsWidth),
            HumanText.Time(i.UpdatedAt),
        }).ToList();

        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        WriteRow(output, header, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        // Numbers right-aligned, text left-aligned; the last column is not padded (no trailing spaces).
        var parts = cells.Select((cell, c) => c == 0 ? cell.PadLeft(widths[c]) : c == cells.Length - 1 ? cell : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", parts));
    }
}
