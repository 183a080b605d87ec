using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// Renders untrusted issue text for a terminal: hidden <c>&lt;!-- businessops:… --&gt;</c> markers removed, and control
/// characters (escape sequences could repaint or retitle the terminal) replaced by U+FFFD.
/// </summary>
internal static partial class HumanText
{
    public static string StripMarkers(string body) => MarkerPattern().Replace(body, string.Empty).Trim();

    /// <summary>Multi-line text: keeps newlines and tabs, drops carriage returns, neutralises every other control character.</summary>
    public static string Block(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\r')
            {
                continue;
            }

            builder.Append(c is '\n' or '\t' || !char.IsControl(c) ? c : '\uFFFD');
        }

        return builder.ToString();
    }

    /// <summary>One line, at most <paramref name="width"/> characters (an ellipsis marks a cut).</summary>
    public static string Line(string text, int width = int.MaxValue)
    {
        var flat = Block(text).Replace('\n', ' ').Replace('\t', ' ');
        return flat.Length <= width ? flat : string.Concat(flat.AsSpan(0, Math.Max(0, width - 1)), "…");
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    // Markers carry JSON with '<' and '>' escaped, so the first " -->" after the prefix is the marker's end.
    [GeneratedRegex(@"<!-- businessops:.*? -->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkerPattern();
}
