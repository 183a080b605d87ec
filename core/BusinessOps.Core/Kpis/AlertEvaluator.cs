using System.Globalization;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// Which alerts are open now (pure): SLA breaches of open issues, an agent's failure streak, an executor failing
/// dispatches, today's spending past a share of a daily limit, missed schedule slots. Each condition has one key, so an
/// alert is raised once and stays open (keeping when it was raised) until its condition is gone, when it is resolved.
/// </summary>
public static class AlertEvaluator
{
    private const int MaxTitle = 80;

    public static AlertChanges Evaluate(IReadOnlyList<IssueFacts> facts, AlertsPolicy policy, RiskControls risk, AlertSignals signals, DashboardState previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(previous);
        var rules = policy.Rules;
        var wanted = new List<AlertRecord>();
        if (rules.SlaBreach)
        {
            wanted.AddRange(Breaches(facts, now));
        }

        if (rules.FailureStreak > 0)
        {
            wanted.AddRange(Streaks(facts, rules.FailureStreak, now));
        }

        if (rules.SpendingShare > 0)
        {
            wanted.AddRange(Spending(facts, risk, rules.SpendingShare, now));
        }

        if (rules.MissedSlot)
        {
            wanted.AddRange(signals.MissedSlots.GroupBy(m => m.Schedule, StringComparer.Ordinal).Select(g =>
                new AlertRecord("schedule/" + g.Key, AlertKind.MissedSlot, $"Schedule {Bound(g.Key)} missed its slot of {Time(g.Max(m => m.Slot))}", now)));
        }

        var known = previous.Alerts.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var open = new List<AlertRecord>();
        foreach (var alert in wanted.DistinctBy(a => a.Key))
        {
            open.Add(known.TryGetValue(alert.Key, out var before) ? before : alert);
        }

        if (rules.ExecutorFailures > 0)
        {
            open.AddRange(Executors(signals, rules.ExecutorFailures, known, now));
        }

        var keys = open.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var raised = open.Where(a => !known.ContainsKey(a.Key)).ToList();
        var resolved = previous.Alerts.Where(a => !keys.Contains(a.Key)).ToList();
        return new AlertChanges([.. open.OrderBy(a => a.Since).ThenBy(a => a.Key, StringComparer.Ordinal)], raised, resolved);
    }

    private static IEnumerable<AlertRecord> Breaches(IReadOnlyList<IssueFacts> facts, DateTimeOffset now) =>
        facts.Where(f => f is { SlaBreached: true, State: IssueState.Open, IsDashboard: false } && f.Status is not (IssueStatus.Done or IssueStatus.OnHold))
            .Select(f => new AlertRecord("sla-breach/#" + f.Number.ToString(CultureInfo.InvariantCulture), AlertKind.SlaBreach, $"SLA breached on #{f.Number.ToString(CultureInfo.InvariantCulture)} {Bound(f.Title)} ({f.Priority?.ToString() ?? "no priority"})", now, f.Number));

    /// <summary>An agent whose <paramref name="length"/> most recently finished issues all ended failed or escalated after failing.</summary>
    private static IEnumerable<AlertRecord> Streaks(IReadOnlyList<IssueFacts> facts, int length, DateTimeOffset now)
    {
        foreach (var agent in facts.Where(f => f.Agent is not null && f.Processed && Finished(f)).GroupBy(f => f.Agent!, StringComparer.Ordinal))
        {
            var last = agent.OrderByDescending(f => f.UpdatedAt).ThenByDescending(f => f.Number).Take(length).ToList();
            if (last.Count == length && last.All(f => f.Status is IssueStatus.Failed or IssueStatus.Escalated && f.FailedResults > 0))
            {
                yield return new AlertRecord("failure-streak/" + agent.Key, AlertKind.FailureStreak, $"{agent.Key}: its last {length} issues all failed (latest #{last[0].Number.ToString(CultureInfo.InvariantCulture)})", now, last[0].Number);
            }
        }
    }

    private static bool Finished(IssueFacts f) => f.Status is IssueStatus.Done or IssueStatus.Failed or IssueStatus.Escalated;

    private static IEnumerable<AlertRecord> Spending(IReadOnlyList<IssueFacts> facts, RiskControls risk, double share, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var spent = facts.Where(f => f.CostDay == today).ToList();
        var total = spent.Sum(f => f.CostOnDay);
        if (risk.DailySpendLimitUsd > 0 && total >= (decimal)share * risk.DailySpendLimitUsd)
        {
            yield return new AlertRecord("spending/all", AlertKind.Spending, $"Spent {Usd(total)} today, over {share:P0} of the daily limit of {Usd(risk.DailySpendLimitUsd)}", now);
        }

        if (risk.DailySpendLimitPerClientUsd <= 0)
        {
            yield break;
        }

        foreach (var client in spent.SelectMany(f => f.Clients.Select(c => (Client: c, f.CostOnDay))).GroupBy(x => x.Client, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sum = client.Sum(x => x.CostOnDay);
            if (sum >= (decimal)share * risk.DailySpendLimitPerClientUsd)
            {
                yield return new AlertRecord("spending/client/" + client.Key, AlertKind.Spending, $"client/{Bound(client.Key)} spent {Usd(sum)} today, over {share:P0} of its daily limit of {Usd(risk.DailySpendLimitPerClientUsd)}", now);
            }
        }
    }

    /// <summary>
    /// Raised when a pass saw <paramref name="threshold"/> failed dispatches of one executor; kept while passes do not
    /// use it (no evidence either way); resolved by a pass in which it ran with fewer failures.
    /// </summary>
    private static IEnumerable<AlertRecord> Executors(AlertSignals signals, int threshold, Dictionary<string, AlertRecord> known, DateTimeOffset now)
    {
        var names = signals.Executors.Keys.Concat(known.Values.Where(a => a.Kind == AlertKind.ExecutorFailing).Select(a => a.Key["executor/".Length..])).Distinct(StringComparer.Ordinal);
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var key = "executor/" + name;
            var failing = signals.Executors.TryGetValue(name, out var runs)
                ? runs.Failed >= threshold
                : known.ContainsKey(key);
            if (failing)
            {
                yield return known.TryGetValue(key, out var before) ? before
                    : new AlertRecord(key, AlertKind.ExecutorFailing, $"The {Bound(name)} executor failed {runs!.Failed.ToString(CultureInfo.InvariantCulture)} of {runs.Dispatched.ToString(CultureInfo.InvariantCulture)} dispatches in one pass", now);
            }
        }
    }

    private static string Bound(string text) => Decisions.Text.Bound(text.ReplaceLineEndings(" "), MaxTitle);

    private static string Usd(decimal amount) => "$" + amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => Decisions.Text.Time(at);
}
