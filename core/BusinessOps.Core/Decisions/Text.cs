using System.Globalization;
using System.Text;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Safe rendering of untrusted text into Markdown comments: never pings anyone (@ gets a zero-width joiner),
/// never renders HTML, never breaks a table row or a hidden marker.
/// </summary>
public static class Text
{
    /// <summary>
    /// Inline code: backticks become <c>'</c> and line breaks spaces, so the span cannot be closed early; control characters
    /// and bidirectional overrides are removed (<see cref="Governance.MarkdownSafe"/>'s rule), so a label, login or agent
    /// name cannot reorder what a person reads.
    /// </summary>
    public static string Code(string value)
    {
        // More than the bound is never shown: a huge value is not copied whole.
        var sb = new StringBuilder(Math.Min(value.Length, 1000));
        foreach (var ch in value.Length > 1000 ? value.AsSpan(0, 1000) : value.AsSpan())
        {
            _ = ch switch
            {
                '`' => sb.Append('\''),
                '\n' or '\r' or '\t' => sb.Append(' '),
                _ when Governance.MarkdownSafe.IsRemoved(ch) => sb,
                _ => sb.Append(ch),
            };
        }

        return "`" + Bound(sb.ToString(), 200) + "`";
    }

    /// <summary>One line of neutralized text, bounded (the one implementation lives in <see cref="Governance.MarkdownSafe"/>).</summary>
    public static string Inline(string value) => Governance.MarkdownSafe.Inline(value, 300);

    public static string Bound(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"@a @b " for policy-named logins (trusted), or empty.</summary>
    public static string Mentions(IEnumerable<string> logins)
    {
        var list = logins.Where(l => l.Length > 0).Select(l => "@" + l.TrimStart('@')).ToList();
        return list.Count == 0 ? string.Empty : string.Join(' ', list) + " ";
    }
}
