using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// What a rendering needs besides the KPIs: the heading, where the figures come from, how to link an issue
/// (<see cref="IssueUrl"/>: <c>{server}/{owner}/{repo}/issues/</c> on GitHub, null locally), the open alerts, the time.
/// </summary>
public sealed record ReportContext(string Title, string Source, string? IssueUrl, IReadOnlyList<AlertRecord> Alerts, DateTimeOffset GeneratedAt)
{
    /// <summary>The link of issue <paramref name="number"/>, or null when issues have no web address.</summary>
    public string? Link(int number) => IssueUrl is null ? null : IssueUrl + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
