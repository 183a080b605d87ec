using BusinessOps.Core.Issues;

namespace BusinessOps.Core.State;

/// <summary>
/// Which issue is the operations dashboard: one opened by the store identity whose body carries the dashboard marker
/// (<c>&lt;!-- businessops:dashboard {json} --&gt;</c>, written by <c>Kpis.DashboardMarker</c>) or the dashboard's
/// title. A person pasting the marker into their own issue makes nothing a dashboard. Here, beside the other markers,
/// so that <c>Decide</c> (which leaves the dashboard alone) does not depend on the KPIs.
/// </summary>
public static class DashboardIssue
{
    /// <summary>The start of the dashboard marker.</summary>
    public const string MarkerPrefix = "<!-- businessops:dashboard ";

    /// <summary>True when <paramref name="issue"/> is a dashboard opened by <paramref name="identity"/>.</summary>
    public static bool Is(IssueSnapshot issue, string identity)
    {
        ArgumentNullException.ThrowIfNull(issue);
        // The title catches a dashboard whose marker someone deleted, so it is repaired rather than duplicated.
        return string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase)
            && (issue.Body.Contains(MarkerPrefix, StringComparison.Ordinal) || string.Equals(issue.Title, Policies.DashboardSettings.DefaultTitle, StringComparison.Ordinal));
    }
}
