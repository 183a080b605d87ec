using System.Globalization;
using System.Text;

namespace BusinessOps.Coordinator.Reports.Charts;

/// <summary>
/// A Mermaid bar chart (<c>xychart-beta</c>) in a fenced block, for Markdown (GitHub renders it). Labels are reduced to
/// letters, digits and <c>-._/ </c> so no text can break out of the block or the chart's syntax.
/// </summary>
public static class MermaidChart
{
    public static string Render(string title, string axis, IReadOnlyList<Bar> bars, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
        {
            return "_No data in this period._";
        }

        var c = CultureInfo.InvariantCulture;
        var top = max ?? Math.Max(1, Math.Ceiling(bars.Max(b => b.Value)));
        var sb = new StringBuilder("```mermaid\nxychart-beta\n");
        sb.Append(c, $"    title \"{Clean(title)}\"\n");
        sb.Append("    x-axis [").Append(string.Join(", ", bars.Select(b => "\"" + Clean(b.Label) + "\""))).Append("]\n");
        sb.Append(c, $"    y-axis \"{Clean(axis)}\" 0 --> {top:0.##}\n");
        sb.Append("    bar [").Append(string.Join(", ", bars.Select(b => b.Value.ToString("0.##", c)))).Append("]\n```");
        return sb.ToString();
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 40));
        foreach (var ch in text.AsSpan(0, Math.Min(text.Length, 40)))
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_' or '/' or ' ' ? ch : '_');
        }

        return sb.ToString();
    }
}
