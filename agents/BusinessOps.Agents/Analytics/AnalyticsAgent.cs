using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// ai-analytics-agent: the KPIs of its scope (the client's issues, or every issue) against their targets, by agent and
/// priority. It computes nothing itself: the coordinator hands in the snapshots of the one <see cref="KpiCalculator"/>
/// (<see cref="AgentContext.Kpis"/>), so its figures are <c>coordinator report</c>'s for the same period. Its form's
/// <c>Period</c> (days) picks the day (1), the week (up to 7) or the month (more).
/// </summary>
public sealed class AnalyticsAgent : IAgent
{
    public string Name => AgentNames.Analytics;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var days = context.Form.OptionalInt("Period", 30, 1, 365, "a number of days from 1 to 365");
        var wanted = days <= 1 ? "day" : days <= 7 ? "week" : "month";
        if (context.Kpis?.FirstOrDefault(k => k.Period == wanted) is not { } s)
        {
            var summary = "No KPIs were handed in: run it through the coordinator (coordinator run), which computes them from the issues.";
            return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, null, [summary], new JsonObject { ["usedContext"] = false, ["period"] = wanted }, Classification.Routine, 0.3, 0m));
        }

        var o = s.Overall;
        var scope = s.Client is null ? string.Empty : " for client/" + s.Client;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The {wanted} since {s.From:yyyy-MM-dd}{scope}: {o.Processed} processed, {o.Done} done, automation {Percent(o.AutomationRate)}, SLA compliance {Percent(o.SlaCompliance)}, error rate {Percent(o.ErrorRate)}.");
        var outputs = new JsonObject
        {
            ["usedContext"] = true,
            ["period"] = s.Period,
            ["periodDays"] = days,
            ["from"] = s.From,
            ["to"] = s.To,
            ["scope"] = s.Client is null ? IssueDigestSet.AllScope : "client/" + s.Client,
            ["processed"] = o.Processed,
            ["done"] = o.Done,
            ["automationRate"] = o.AutomationRate,
            ["slaCompliance"] = o.SlaCompliance,
            ["errorRate"] = o.ErrorRate,
            ["costPerOperation"] = o.CostPerOperation,
            ["timeToDoneP50Seconds"] = s.TimeToDone.P50Seconds,
            ["approvalsPending"] = s.Pending.Approvals,
            ["byAgent"] = Slices(s.ByAgent),
            ["byPriority"] = Slices(s.ByPriority),
        };
        var plan = new StringBuilder("| Slice | Processed | Done | Automation | SLA compliance | Errors |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (name, v) in s.ByAgent.Concat(s.ByPriority.Select(kv => KeyValuePair.Create("priority " + kv.Key, kv.Value))))
        {
            plan.Append(CultureInfo.InvariantCulture, $"| {name} | {v.Processed} | {v.Done} | {Percent(v.AutomationRate)} | {Percent(v.SlaCompliance)} | {Percent(v.ErrorRate)} |\n");
        }

        var actions = s.Measures.Where(m => m.Met == false)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Label} {Percent(m.Value)} misses its target ({(m.Above ? "above" : "below")} {Percent(m.Target)}): see the by-agent table."))
            .ToList();
        if (actions.Count == 0)
        {
            actions.Add("KPIs within targets; no action.");
        }

        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, text, plan.ToString(), actions, outputs, Classification.Routine, 0.9, CostModel.PerIssueReadUsd * s.Issues));
    }

    private static JsonObject Slices(IReadOnlyDictionary<string, KpiSlice> slices) =>
        new(slices.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
        {
            ["processed"] = kv.Value.Processed,
            ["done"] = kv.Value.Done,
            ["automationRate"] = kv.Value.AutomationRate,
            ["slaCompliance"] = kv.Value.SlaCompliance,
            ["errorRate"] = kv.Value.ErrorRate,
        })));

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";
}
