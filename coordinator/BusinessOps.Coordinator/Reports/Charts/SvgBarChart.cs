using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace BusinessOps.Coordinator.Reports.Charts;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn by our code (no script, no external style or font): it scales to the
/// page's width (a phone included), every bar carries its label and value as text, and the chart has a title and a
/// description for screen readers. Colours pass WCAG AA contrast on white.
/// </summary>
public static class SvgBarChart
{
    // Drawn about as wide as a phone's column, so its 14-unit text stays readable (≥ 12 px) when scaled to fit one.
    private const int Width = 420;
    private const int Row = 28;
    private const int LabelWidth = 165;
    private const int ValueWidth = 70;
    private const int MaxLabel = 21;
    private const string BarColour = "#1d4ed8";
    private const string TextColour = "#111827";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <param name="id">A unique id within the page (letters, digits and '-').</param>
    /// <param name="title">What the chart shows.</param>
    /// <param name="bars">The bars, top to bottom.</param>
    /// <param name="max">The value of a full-width bar; the largest bar when null.</param>
    public static string Render(string id, string title, IReadOnlyList<Bar> bars, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var c = CultureInfo.InvariantCulture;
        var top = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var full = max ?? (top > 0 ? top : 1);
        var height = Math.Max(1, bars.Count) * Row + 10;
        var desc = bars.Count == 0 ? "No data in this period." : string.Join("; ", bars.Select(b => b.Label + ": " + b.Shown));
        var sb = new StringBuilder();
        sb.Append(c, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(c, $"<title id=\"{id}-t\">{Html.Encode(title)}</title><desc id=\"{id}-d\">{Html.Encode(desc)}</desc>");
        if (bars.Count == 0)
        {
            sb.Append(c, $"<text x=\"0\" y=\"20\" fill=\"{TextColour}\" font-size=\"14\">No data in this period.</text>");
        }

        var span = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * Row + 5;
            var w = full <= 0 ? 0 : Math.Clamp(b.Value / full, 0, 1) * span;
            var label = b.Label.Length > MaxLabel ? b.Label[..(MaxLabel - 1)] + "…" : b.Label;
            sb.Append(c, $"<text x=\"0\" y=\"{y + 18}\" fill=\"{TextColour}\" font-size=\"14\">{Html.Encode(label)}</text>");
            sb.Append(c, $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{Row - 10}\" fill=\"{BarColour}\" rx=\"2\"></rect>");
            sb.Append(c, $"<text x=\"{LabelWidth + w + 6:0.#}\" y=\"{y + 18}\" fill=\"{TextColour}\" font-size=\"14\">{Html.Encode(b.Shown)}</text>");
        }

        return sb.Append("</svg>").ToString();
    }
}
