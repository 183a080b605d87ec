using System.Globalization;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Renders the audit trail as a compact Markdown list, one line per decision:
/// <c>- 2026-11-02 09:00:00 UTC · carla · approved · CFO approval for plan 3f2a9c01b7de</c>.
/// Every field goes through <see cref="MarkdownSafe"/>: no mention pings, no HTML or hidden markers, no code spans, one line.
/// </summary>
public static class AuditTrail
{
    /// <summary>Characters kept of a reason; actors and decisions keep up to 100.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>The rendered list, in the given order; a placeholder line when empty.</summary>
    public static string Format(IEnumerable<AuditEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.Append("- ")
                .Append(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(" UTC · ")
                .Append(MarkdownSafe.Inline(e.Actor, 100))
                .Append(" · ")
                .Append(MarkdownSafe.Inline(e.Decision, 100));
            if (!string.IsNullOrWhiteSpace(e.Reason))
            {
                sb.Append(" · ").Append(MarkdownSafe.Inline(e.Reason, MaxReasonLength));
            }

            sb.Append('\n');
        }

        return sb.Length == 0 ? "_No decisions recorded._\n" : sb.ToString();
    }
}
