using BusinessOps.Automation.Feeds;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reports.Scheduled;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Automation;

/// <summary>Builds the <see cref="AutomationStep"/> of a session: its policies, clock and log, and one HTTP client for the feeds.</summary>
internal static class AutomationSteps
{
    // One client for the process: feeds are few and polled rarely, and a shared client reuses connections.
    private static readonly Lazy<HttpClient> FeedHttp = new(() => new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // FeedPoller bounds each poll itself, with the session's clock.
        DefaultRequestHeaders = { { "User-Agent", "BusinessOps-coordinator (feed poller)" } },
    });

    /// <summary><c>off</c>: passes handle filed issues only (no schedules, workflows, triggers, feeds or hand-overs).</summary>
    public const string SwitchVariable = "BUSINESSOPS_AUTOMATION";

    /// <summary>The step for <c>run</c>'s passes; null when <see cref="SwitchVariable"/> is <c>off</c>.</summary>
    public static AutomationStep? ForPasses(CoordinatorSession session, bool dryRun) =>
        string.Equals(session.Environment.GetValueOrDefault(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase) ? null : For(session, dryRun);

    /// <param name="session">The command's session.</param>
    /// <param name="dryRun">Print what would be opened and closed instead of writing.</param>
    public static AutomationStep For(CoordinatorSession session, bool dryRun) =>
        new(session.Automation, session.Clock, session.Log, session.Automation.Feeds.Count > 0 ? new FeedPoller(FeedHttp.Value, session.Clock) : null, dryRun ? session.Output : null)
        {
            Approvals = session.Policies.Approvals,
            Teams = session.Backend as ITeamDirectory,
            Indexed = session.Backend as IIndexedIssues,
            Reports = dryRun ? null : ScheduledReports.For(session),
        };
}
