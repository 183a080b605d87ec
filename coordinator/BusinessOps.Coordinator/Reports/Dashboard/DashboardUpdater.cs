using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>
/// Keeps the pinned "Operations dashboard" issue at the end of each full pass: its body edited in place at most once,
/// and only when its content changed — so an unchanged pass makes no request for it at all (the facts, the dashboard's
/// own body hash and its alert state come from the KPI index the pass already read). An edited body is rewritten, a
/// closed dashboard reopened, an unpinned one pinned again (checked when the body is written, and when the issue moved
/// after the last write), a deleted one recreated; it is found by its hidden marker and never duplicated. Alerts are
/// raised and resolved here: comments mentioning the on-call, a line on the dashboard, optional delivery through
/// <see cref="IAlertSink"/>.
/// </summary>
public sealed class DashboardUpdater(
    ScrubbingIssueStore store,
    IIssueStore backend,
    PolicySet policies,
    AlertsPolicy alerts,
    TemplateRenderer templates,
    TimeProvider clock,
    Log log,
    IAlertSink? sink = null)
{
    /// <summary>How long after our own write the issue may still move (pacing, the pin) without counting as someone's touch.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(2);

    private readonly ReportRenderer _renderer = new(templates);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public string? IssueUrl { get; init; }

    public async Task<DashboardOutcome> UpdateAsync(AlertSignals signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (!alerts.Dashboard.Enabled)
        {
            return DashboardOutcome.Skip("disabled in alerts.yml");
        }

        if (backend is not IIssueBoard board)
        {
            return DashboardOutcome.Skip("this store cannot edit issues");
        }

        var facts = await KpiSource.ReadAsync(backend, refresh: false, cancellationToken);
        var now = clock.GetUtcNow();
        var existing = facts.Where(f => f.IsDashboard).OrderBy(f => f.State == IssueState.Open ? 0 : 1).ThenBy(f => f.Number).FirstOrDefault();
        var previous = existing?.Board ?? DashboardState.Empty;
        var changes = AlertEvaluator.Evaluate(facts, alerts, policies.Autonomy.Risk, signals, previous, now);
        var snapshot = KpiCalculator.Compute(facts, new KpiQuery(KpiPeriod.Ending(KpiPeriodKind.Week, now), null, alerts.Targets, now));
        var content = _renderer.Dashboard(snapshot, new ReportContext(alerts.Dashboard.Title, store.Location, IssueUrl, changes.Open, now));
        ReportTemplateProblems();
        var title = alerts.Dashboard.Title;
        var writes = 0;
        if (existing is null)
        {
            var created = await store.CreateIssueAsync(new NewIssue(title, Body(content, changes.Open, now), []), cancellationToken);
            log.Info($"dashboard: opened #{created.Number} ({title})");
            writes += 1 + await CommentAsync(created.Number, changes, now, cancellationToken) + await PinAsync(board, created.Number, cancellationToken);
            return new DashboardOutcome(created.Number, writes, changes.Raised.Count, changes.Resolved.Count);
        }

        var number = existing.Number;
        var reopened = existing.State == IssueState.Closed;
        if (reopened)
        {
            await store.SetStateAsync(number, IssueState.Open, cancellationToken);
            log.Info($"dashboard: #{number} was closed; reopened");
            writes++;
        }

        writes += await CommentAsync(number, changes, now, cancellationToken);
        var unchanged = Body(content, changes.Open, previous.WrittenAt);
        var rewrite = changes.Changed || DashboardMarker.Hash(unchanged) != existing.BodyHash || !string.Equals(existing.Title, title, StringComparison.Ordinal);
        if (rewrite)
        {
            try
            {
                await board.UpdateIssueAsync(number, store.Scrub(title), Body(content, changes.Open, now), cancellationToken);
                writes++;
            }
            catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.NotFound)
            {
                // Deleted (or transferred) behind our back: a new dashboard takes its place.
                var created = await store.CreateIssueAsync(new NewIssue(title, Body(content, changes.Open, now), []), cancellationToken);
                log.Warn($"dashboard: #{number} is gone; opened #{created.Number} instead");
                return new DashboardOutcome(created.Number, writes + 1 + await PinAsync(board, created.Number, cancellationToken), changes.Raised.Count, changes.Resolved.Count);
            }
        }

        var touched = existing.UpdatedAt > (previous.WrittenAt ?? DateTimeOffset.MinValue) + Slack;
        if (rewrite || reopened || touched)
        {
            writes += await PinAsync(board, number, cancellationToken);
        }

        return new DashboardOutcome(number, writes, changes.Raised.Count, changes.Resolved.Count);
    }

    private string Body(string content, IReadOnlyList<AlertRecord> open, DateTimeOffset? writtenAt) =>
        store.Scrub(content.TrimEnd() + "\n\n" + DashboardMarker.Format(new DashboardState(open, writtenAt)));

    private async Task<int> CommentAsync(int number, AlertChanges changes, DateTimeOffset now, CancellationToken ct)
    {
        var writes = 0;
        if (changes.Raised.Count > 0)
        {
            await store.AddCommentAsync(number, AlertComments.Raised(changes.Raised, alerts), ct);
            log.Warn($"alert raised: {string.Join("; ", changes.Raised.Select(a => a.Title))}");
            writes++;
        }

        if (changes.Resolved.Count > 0)
        {
            await store.AddCommentAsync(number, AlertComments.Resolved(changes.Resolved, now), ct);
            log.Info($"alert resolved: {string.Join("; ", changes.Resolved.Select(a => a.Title))}");
            writes++;
        }

        if (sink is not null && changes.Changed)
        {
            await sink.DeliverAsync(changes, number, ct);
        }

        return writes;
    }

    private async Task<int> PinAsync(IIssueBoard board, int number, CancellationToken ct)
    {
        if (!alerts.Dashboard.Pin || await board.IsPinnedAsync(number, ct) is not false)
        {
            return 0;
        }

        await board.PinAsync(number, ct);
        log.Info($"dashboard: #{number} pinned");
        return 1;
    }

    private void ReportTemplateProblems()
    {
        foreach (var problem in templates.Problems)
        {
            if (_reported.Add(problem.ToString()))
            {
                log.Warn("dashboard template: " + problem);
            }
        }
    }
}
