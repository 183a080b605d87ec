using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// Pure KPI computation over issues the coordinator touched (any <c>status/*</c> label) and updated within the period.
/// Done = <c>status/done</c> or closed. Throughput = done ÷ period days. Automation rate = done without a human
/// <c>/approve</c> ÷ total. SLA compliance = done without <c>sla/breached</c> ÷ done. Error rate = failed or escalated ÷ total.
/// Agent = the last result marker by the store identity, else <c>agent/*</c>, else the routing policy.
/// </summary>
internal static class KpiCalculator
{
    public static KpiReport Compute(IEnumerable<IssueSnapshot> issues, int periodDays, DateTimeOffset now, string identity)
    {
        var since = now.AddDays(-periodDays);
        var overall = KpiBucket.Empty;
        var byAgent = new SortedDictionary<string, KpiBucket>(StringComparer.Ordinal);
        var byPriority = new SortedDictionary<string, KpiBucket>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (issue.UpdatedAt < since || issue.UpdatedAt > now || !issue.Labels.Any(l => LabelNames.TryParseStatus(l, out _)))
            {
                continue;
            }

            var done = issue.HasLabel("status/done") || issue.State == IssueState.Closed;
            var approved = issue.Comments.Any(c => !string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase)
                && c.Body.TrimStart().StartsWith("/approve", StringComparison.OrdinalIgnoreCase));
            var breached = issue.HasLabel(LabelNames.SlaBreached);
            var error = issue.HasLabel("status/failed") || issue.HasLabel("status/escalated");
            overall = overall.Add(done, approved, breached, error);

            var agent = AgentOf(issue, identity);
            byAgent[agent] = byAgent.GetValueOrDefault(agent, KpiBucket.Empty).Add(done, approved, breached, error);
            var priority = issue.Labels.Select(l => LabelNames.TryParsePriority(l, out var p) ? p.ToString() : null).FirstOrDefault(p => p is not null) ?? "none";
            byPriority[priority] = byPriority.GetValueOrDefault(priority, KpiBucket.Empty).Add(done, approved, breached, error);
        }

        return new KpiReport(periodDays, overall, Math.Round((double)overall.Done / periodDays, 3), byAgent, byPriority);
    }

    internal static string AgentOf(IssueSnapshot issue, string identity)
    {
        string? fromMarker = null;
        foreach (var c in issue.Comments)
        {
            if (string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && Markers.TryParseResult(c.Body, out var r) && r is not null)
            {
                fromMarker = r.Agent;
            }
        }

        if (fromMarker is not null)
        {
            return fromMarker;
        }

        foreach (var l in issue.Labels)
        {
            if (l.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase) && AgentNames.TryNormalize(l[LabelNames.AgentPrefix.Length..], out var a))
            {
                return a;
            }
        }

        foreach (var rule in RoutingPolicy.Default.Rules)
        {
            if (issue.Labels.Any(rule.Matches))
            {
                return rule.Agent;
            }
        }

        return "unrouted";
    }
}
