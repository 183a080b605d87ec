using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// Pure KPI computation over the issues the coordinator handed in (digests), counting those it touched (a
/// <c>status/*</c> label) and updated within the period. Done = <c>status/done</c> or closed. Throughput = done ÷ period
/// days. Automation rate = done without a human <c>/approve</c> ÷ total. SLA compliance = done without <c>sla/breached</c>
/// ÷ done. Error rate = failed or escalated ÷ total. The agent of each issue is the coordinator's reading of its markers.
/// </summary>
internal static class KpiCalculator
{
    public static KpiReport Compute(IEnumerable<IssueDigest> issues, int periodDays, DateTimeOffset now)
    {
        var since = now.AddDays(-periodDays);
        var overall = KpiBucket.Empty;
        var byAgent = new SortedDictionary<string, KpiBucket>(StringComparer.Ordinal);
        var byPriority = new SortedDictionary<string, KpiBucket>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (issue.UpdatedAt < since || issue.UpdatedAt > now || issue.Status == IssueStatus.New)
            {
                continue;
            }

            var done = issue.Status == IssueStatus.Done || issue.State == IssueState.Closed;
            var error = issue.Status is IssueStatus.Failed or IssueStatus.Escalated;
            overall = overall.Add(done, issue.HumanApproved, issue.SlaBreached, error);
            byAgent[issue.Agent] = byAgent.GetValueOrDefault(issue.Agent, KpiBucket.Empty).Add(done, issue.HumanApproved, issue.SlaBreached, error);
            var priority = issue.Priority?.ToString() ?? "none";
            byPriority[priority] = byPriority.GetValueOrDefault(priority, KpiBucket.Empty).Add(done, issue.HumanApproved, issue.SlaBreached, error);
        }

        return new KpiReport(periodDays, overall, Math.Round((double)overall.Done / periodDays, 3), byAgent, byPriority);
    }
}
