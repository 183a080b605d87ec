using System.Text;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Policies;

namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>
/// The comments alerts make on the dashboard issue: one per pass for the alerts it raised (mentioning the on-call of
/// <c>alerts.yml</c>), one for those it resolved. Alert titles are escaped: only the on-call are mentioned.
/// </summary>
public static class AlertComments
{
    public static string Raised(IReadOnlyList<AlertRecord> alerts, AlertsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(policy);
        var sb = new StringBuilder(alerts.Count == 1 ? "🚨 **Alert**\n\n" : "🚨 **Alerts**\n\n");
        foreach (var a in alerts)
        {
            sb.Append("- ").Append(MarkdownSafe.Inline(a.Title, 300)).Append('\n');
        }

        sb.Append('\n').Append(policy.OnCallUnset
            ? "Nobody is on call: set `onCall` in policies/alerts.yml."
            : "cc " + string.Join(' ', policy.OnCall.Select(o => "@" + o)));
        return sb.Append("\n\nEach stays on the dashboard until it is resolved.").ToString();
    }

    public static string Resolved(IReadOnlyList<AlertRecord> alerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var sb = new StringBuilder("✅ **Resolved**\n\n");
        foreach (var a in alerts)
        {
            sb.Append("- ").Append(MarkdownSafe.Inline(a.Title, 300)).Append(" (raised ").Append(ReportText.Time(a.Since)).Append(", resolved ").Append(ReportText.Time(now)).Append(")\n");
        }

        return sb.ToString();
    }
}
