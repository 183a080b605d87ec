using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Analytics;

/// <summary>ai-analytics-agent: KPIs over the issues the coordinator hands in (throughput, automation, SLA compliance, errors) by agent and priority.</summary>
public sealed class AnalyticsAgent : IAgent
{
    public string Name => AgentNames.Analytics;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var period = context.Form.OptionalInt("Period", 30, 1, 365, "a number of days from 1 to 365");
        var set = context.Issues;
        var issues = set?.Items ?? [];
        var r = KpiCalculator.Compute(issues, period, context.Now);
        var o = r.Overall;
        var source = set is null ? " (no issues were handed in: run it through the coordinator)"
            : set.Scope == IssueDigestSet.AllScope ? string.Empty
            : $" for {set.Scope}";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Last {period} day(s){source}: {o.Total} processed, throughput {r.ThroughputPerDay:0.##}/day, automation {o.AutomationRate:P0}, SLA compliance {o.SlaCompliance:P0}, error rate {o.ErrorRate:P0}.");
        static JsonObject Bucket(KpiBucket b) => new()
        {
            ["total"] = b.Total,
            ["done"] = b.Done,
            ["automationRate"] = b.AutomationRate,
            ["slaCompliance"] = b.SlaCompliance,
            ["errorRate"] = b.ErrorRate,
        };
        var outputs = new JsonObject
        {
            ["periodDays"] = period,
            ["usedContext"] = set is not null,
            ["scope"] = set?.Scope,
            ["omitted"] = set?.Omitted ?? 0,
            ["processed"] = o.Total,
            ["done"] = o.Done,
            ["throughputPerDay"] = r.ThroughputPerDay,
            ["automationRate"] = o.AutomationRate,
            ["slaCompliance"] = o.SlaCompliance,
            ["errorRate"] = o.ErrorRate,
            ["byAgent"] = new JsonObject(r.ByAgent.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Bucket(kv.Value)))),
            ["byPriority"] = new JsonObject(r.ByPriority.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Bucket(kv.Value)))),
        };
        var plan = new StringBuilder("| Slice | Processed | Done | Automation | SLA compliance | Errors |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (name, b) in r.ByAgent.Concat(r.ByPriority.Select(kv => KeyValuePair.Create("priority " + kv.Key, kv.Value))))
        {
            plan.Append(CultureInfo.InvariantCulture, $"| {name} | {b.Total} | {b.Done} | {b.AutomationRate:P0} | {b.SlaCompliance:P0} | {b.ErrorRate:P0} |\n");
        }

        var actions = new List<string>();
        if (o.ErrorRate > 0.1)
        {
            actions.Add("Error rate above 10 %: review failing agents (see by-agent table).");
        }

        if (o.SlaCompliance < 0.9)
        {
            actions.Add("SLA compliance below 90 %: review priorities and capacity.");
        }

        if (actions.Count == 0)
        {
            actions.Add("KPIs within targets; no action.");
        }

        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, plan.ToString(), actions, outputs, Classification.Routine, set is null ? 0.3 : set.Omitted > 0 ? 0.7 : 0.9, CostModel.PerIssueReadUsd * issues.Count));
    }
}
