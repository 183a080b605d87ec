using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// ai-analytics-agent: the KPIs of its scope (the client's issues, or every issue) against their targets, by agent and
/// priority. It computes no KPI itself: the coordinator hands in the snapshots of the one <see cref="KpiCalculator"/>
/// (<see cref="AgentContext.Kpis"/>), so its figures are <c>coordinator report</c>'s for the same period. Its form's
/// <c>Period</c> (days) picks the day (1), the week (up to 7) or the month (more). Business metrics attached as a CSV
/// (<c>Metrics</c>) are compared with yesterday, a week and a month ago and the targets of <c>analytics.yml</c>, with
/// anomalies by z-score; with them, or when the form's <c>Report</c> asks for a briefing (the morning-briefing schedule),
/// it writes the morning briefing, posted where <c>briefingTo</c> says, and opens an issue for urgent items.
/// </summary>
public sealed class AnalyticsAgent : IAgent
{
    public string Name => AgentNames.Analytics;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies?.Rules?.Analytics ?? AnalyticsRules.Default;
        var csv = context.Form.Optional(MetricsCsv.Field);
        var report = context.Form.Optional("Report");
        var briefing = csv.Length > 0 || report.Contains("briefing", StringComparison.OrdinalIgnoreCase);

        // The briefing schedule writes its period in words ("Yesterday and the last 7 days"): a briefing is about the day.
        var rawPeriod = context.Form.Optional("Period").Trim();
        var days = briefing && !int.TryParse(rawPeriod, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? 1
            : context.Form.OptionalInt("Period", 30, 1, 365, "a number of days from 1 to 365");
        var wanted = days <= 1 ? "day" : days <= 7 ? "week" : "month";
        var table = csv.Length > 0 ? await MetricsCsv.ReadAsync(IssueForm.StripFence(csv), cancellationToken).ConfigureAwait(false) : null;
        var snapshot = context.Kpis?.FirstOrDefault(k => k.Period == wanted);
        if (snapshot is null && table is null && !briefing)
        {
            var none = "No KPIs were handed in: run it through the coordinator (coordinator run), which computes them from the issues.";
            return ResultFactory.Create(context, AgentOutcome.Completed, none, null, [none], new JsonObject { ["usedContext"] = false, ["period"] = wanted }, Classification.Routine, 0.3, 0m);
        }

        var outputs = new JsonObject { ["usedContext"] = snapshot is not null, ["period"] = wanted, ["periodDays"] = days };
        var summary = new List<string>();
        var plan = new StringBuilder();
        var actions = new List<string>();
        if (snapshot is not null)
        {
            var (text, table1, misses) = KpiPart(snapshot, wanted, outputs);
            summary.Add(text);
            plan.Append(table1);
            actions.AddRange(misses);
        }

        var (views, anomalies) = table is null ? ([], []) : MetricAnalyzer.Analyze(table, rules);
        if (table is not null)
        {
            outputs["metricsDay"] = table.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            outputs["metrics"] = new JsonObject([.. views.Select(v => KeyValuePair.Create(v.Name, (JsonNode?)new JsonObject
            {
                ["value"] = v.Latest,
                ["yesterday"] = v.Yesterday,
                ["weekAgo"] = v.WeekAgo,
                ["monthAgo"] = v.MonthAgo,
                ["dayChange"] = Round(v.DayChange),
                ["weekChange"] = Round(v.WeekChange),
                ["monthChange"] = Round(v.MonthChange),
                ["target"] = v.Target?.Target,
                ["targetMet"] = v.TargetMet,
                ["z"] = Finite(v.Z),
            }))]);
            outputs["anomalies"] = new JsonArray([.. anomalies.Take(50).Select(a => (JsonNode)new JsonObject
            {
                ["metric"] = a.Metric,
                ["day"] = a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["value"] = a.Value,
                ["mean"] = Math.Round(a.Mean, 4),
                ["z"] = Finite(a.Z),
            })]);
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"Metrics for {table.Latest:yyyy-MM-dd}: {views.Count(v => v.TargetMet == true)} on target, {views.Count(v => v.TargetMet == false)} missing, {anomalies.Count(a => a.Day == table.Latest)} anomal{(anomalies.Count(a => a.Day == table.Latest) == 1 ? "y" : "ies")} today ({anomalies.Count} in the history)."));
        }

        var effects = new List<Effect>();
        if (briefing)
        {
            var date = table?.Latest ?? DateOnly.FromDateTime(context.Now.UtcDateTime);
            var day = context.Kpis?.FirstOrDefault(k => k.Period == "day");
            var (text, urgent, focus) = MorningBriefing.Build(date, views, anomalies, day, context.Issues, context.Issue.Number, rules, context.Policies?.Template, context.Now);
            plan.Insert(0, text.Text + (plan.Length > 0 ? "\n" : string.Empty));
            outputs["briefing"] = true;
            outputs["urgent"] = new JsonArray([.. urgent.Select(u => (JsonNode)u)]);
            outputs["focus"] = new JsonArray([.. focus.Select(f => (JsonNode)f)]);
            summary.Insert(0, urgent.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"URGENT ({urgent.Count}): {string.Join(" ", urgent.Take(3))}")
                : string.Create(CultureInfo.InvariantCulture, $"Morning briefing {date:yyyy-MM-dd}: nothing urgent; {focus.Count} focus item(s)."));
            actions.InsertRange(0, urgent.Select(u => "Escalated: " + u));
            actions.AddRange(focus.Where(f => !actions.Any(a => a.StartsWith(f[..Math.Min(f.Length, 20)], StringComparison.Ordinal))).Take(10));
            if (text.Note is { } note)
            {
                actions.Add("Note: " + note);
            }

            if (BriefingPost.For(rules.BriefingTo, text.Text, context.Issue.Number) is { } post)
            {
                effects.Add(post);
            }

            // Critical tickets are issues of their own (escalated at once): only the metrics' thresholds open a new one.
            if (UrgentItems.FromMetrics(views, rules) is { Count: > 0 } crossed && rules.UrgentLabels.Count > 0)
            {
                effects.Add(UrgentIssue(context.Issue.Number, date, crossed, rules.UrgentLabels));
            }
        }

        if (table is not null)
        {
            actions.AddRange(views.Where(v => v.TargetMet == false).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Name} {v.Latest:N0} misses its target {v.Target!.Target:N0}.")).Where(a => !briefing));
            actions.AddRange(anomalies.Where(a => a.Day == table.Latest && !briefing).Select(a => string.Create(CultureInfo.InvariantCulture, $"Check {a.Metric} on {a.Day:yyyy-MM-dd}: {a.Value:N0} is an anomaly (z = {MorningBriefing.Shown(a.Z)}).")));
        }

        if (actions.Count == 0)
        {
            actions.Add("KPIs within targets; no action.");
        }

        var confidence = snapshot is null && table is null ? 0.5 : 0.9;
        var result = ResultFactory.Create(context, AgentOutcome.Completed, string.Join(" ", summary), plan.ToString(), actions, outputs, Classification.Routine, confidence, CostModel.PerIssueReadUsd * (snapshot?.Issues ?? 0));
        return effects.Count == 0 ? result : result with { Effects = effects };
    }

    private static (string Summary, string Table, List<string> Misses) KpiPart(KpiSnapshot s, string wanted, JsonObject outputs)
    {
        var o = s.Overall;
        var scope = s.Client is null ? string.Empty : " for client/" + s.Client;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The {wanted} since {s.From:yyyy-MM-dd}{scope}: {o.Processed} processed, {o.Done} done, automation {Percent(o.AutomationRate)}, SLA compliance {Percent(o.SlaCompliance)}, error rate {Percent(o.ErrorRate)}.");
        outputs["period"] = s.Period;
        outputs["from"] = s.From;
        outputs["to"] = s.To;
        outputs["scope"] = s.Client is null ? IssueDigestSet.AllScope : "client/" + s.Client;
        outputs["processed"] = o.Processed;
        outputs["done"] = o.Done;
        outputs["automationRate"] = o.AutomationRate;
        outputs["slaCompliance"] = o.SlaCompliance;
        outputs["errorRate"] = o.ErrorRate;
        outputs["costPerOperation"] = o.CostPerOperation;
        outputs["timeToDoneP50Seconds"] = s.TimeToDone.P50Seconds;
        outputs["approvalsPending"] = s.Pending.Approvals;
        outputs["byAgent"] = Slices(s.ByAgent);
        outputs["byPriority"] = Slices(s.ByPriority);
        var plan = new StringBuilder("| Slice | Processed | Done | Automation | SLA compliance | Errors |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (name, v) in s.ByAgent.Concat(s.ByPriority.Select(kv => KeyValuePair.Create("priority " + kv.Key, kv.Value))))
        {
            plan.Append(CultureInfo.InvariantCulture, $"| {name} | {v.Processed} | {v.Done} | {Percent(v.AutomationRate)} | {Percent(v.SlaCompliance)} | {Percent(v.ErrorRate)} |\n");
        }

        var misses = s.Measures.Where(m => m.Met == false)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Label} {Percent(m.Value)} misses its target ({(m.Above ? "above" : "below")} {Percent(m.Target)}): see the by-agent table."))
            .ToList();
        return (text, plan.ToString(), misses);
    }

    /// <summary>The issue urgent items open (a sub-issue of the briefing), so a person owns them under the P0 clock.</summary>
    private static Effect UrgentIssue(int issue, DateOnly date, IReadOnlyList<string> urgent, IReadOnlyList<string> labels)
    {
        var number = issue.ToString(CultureInfo.InvariantCulture);
        var body = $"The morning briefing of {date:yyyy-MM-dd} (#{number}) crossed its urgent thresholds (policies/analytics.yml):\n\n"
            + string.Concat(urgent.Take(20).Select(u => "- [ ] " + Core.Governance.MarkdownSafe.Inline(u, 300) + "\n"));
        return Effect.Create(EffectKinds.GitHubIssue, "#" + number, new JsonObject
        {
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"Urgent from the morning briefing {date:yyyy-MM-dd}: {urgent.Count} item(s)"),
            ["body"] = body,
            ["labels"] = new JsonArray([.. labels.Distinct(StringComparer.Ordinal).Take(20).Select(l => (JsonNode)l)]),
            ["subIssue"] = true,
        });
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

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>JSON has no infinity: a change from a flat history is written as ±1000.</summary>
    private static double? Finite(double? z) => z is { } v ? Math.Round(Math.Clamp(v, -1000, 1000), 3) : null;

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";
}
