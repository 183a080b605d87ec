using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reports;

/// <summary>Counts over a store's issues: by status, by agent (completed/failed), by priority, and the headline KPIs.</summary>
public sealed record OpsSummary(
    int Issues,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, AgentTally> ByAgent,
    IReadOnlyDictionary<string, int> ByPriority,
    int SlaBreached,
    decimal CostUsd,
    double AutomationRate,
    double ErrorRate)
{
    /// <summary>The status column of an unrouted task an approved effect opened for people (not untriaged "new" work).</summary>
    public const string Task = "task";

    public static OpsSummary Build(IReadOnlyList<IssueSnapshot> issues, string identity)
    {
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byAgent = new SortedDictionary<string, AgentTally>(StringComparer.Ordinal);
        var byPriority = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int breached = 0, results = 0, failedResults = 0, done = 0, doneUnattended = 0;
        decimal cost = 0;
        foreach (var issue in issues)
        {
            var status = issue.Labels.FirstOrDefault(l => l.StartsWith(LabelNames.StatusPrefix, StringComparison.OrdinalIgnoreCase))?[LabelNames.StatusPrefix.Length..]
                ?? (EffectWorkItem.OpenedByEffect(issue, identity) ? Task : "new");
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var priority = issue.Labels.FirstOrDefault(l => LabelNames.TryParsePriority(l, out _))?[LabelNames.PriorityPrefix.Length..] ?? "none";
            byPriority[priority] = byPriority.GetValueOrDefault(priority) + 1;
            breached += issue.HasLabel(LabelNames.SlaBreached) ? 1 : 0;
            var records = IssueStateReader.Results(issue, identity);
            results += records.Count;
            failedResults += records.Count(r => r.Record.Outcome == AgentOutcome.Failed);
            cost += records.Sum(r => r.Record.CostUsd);
            if (status == "done")
            {
                done++;
                // Unattended: no human approved, rejected or decided anything on the way (the audit trail says).
                var audit = IssueStateReader.Read(issue, identity).State.Audit ?? [];
                doneUnattended += audit.Any(a => a.Decision is "approved" or "rejected" or "cancelled" || a.Decision.StartsWith("decided", StringComparison.Ordinal)) ? 0 : 1;
            }

            if (records.Count > 0)
            {
                var last = records[^1].Record;
                var tally = byAgent.GetValueOrDefault(last.Agent) ?? new AgentTally(0, 0);
                byAgent[last.Agent] = last.Outcome == AgentOutcome.Failed ? tally with { Failed = tally.Failed + 1 } : tally with { Completed = tally.Completed + 1 };
            }
        }

        return new OpsSummary(
            issues.Count,
            byStatus,
            byAgent,
            byPriority,
            breached,
            cost,
            done == 0 ? 0 : (double)doneUnattended / done,
            results == 0 ? 0 : (double)failedResults / results);
    }
}

/// <summary>Per agent: issues whose latest result completed (incl. awaiting a human) or failed.</summary>
public sealed record AgentTally(int Completed, int Failed);
