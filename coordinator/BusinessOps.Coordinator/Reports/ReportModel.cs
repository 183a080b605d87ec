using System.Globalization;
using BusinessOps.Coordinator.Reports.Charts;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using Scriban.Runtime;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// The values a template sees, built from one <see cref="KpiSnapshot"/>: every text already escaped for the output
/// (by the escape function given: Markdown or HTML), numbers already formatted, charts already drawn (SVG for HTML,
/// Mermaid for Markdown). A template only places them; it cannot produce unescaped user text.
/// </summary>
public static class ReportModel
{
    public static ScriptObject Build(KpiSnapshot s, ReportContext context, Func<string, string> escape, bool html)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(escape);
        var o = s.Overall;
        var model = new ScriptObject
        {
            ["title"] = escape(context.Title),
            ["source"] = escape(context.Source),
            ["period"] = ReportText.Period(s.Period),
            ["period_name"] = s.Period,
            ["from"] = ReportText.Date(s.From),
            ["to"] = ReportText.Time(s.To),
            ["generated_at"] = ReportText.Time(context.GeneratedAt),
            ["client"] = s.Client is null ? "all clients" : escape("client/" + s.Client),
            ["issues"] = ReportText.Count(s.Issues),
            ["processed"] = ReportText.Count(o.Processed),
            ["done"] = ReportText.Count(o.Done),
            ["automated"] = ReportText.Count(o.Automated),
            ["escalations"] = ReportText.Count(o.Escalations),
            ["breaches"] = ReportText.Count(o.Breaches),
            ["results"] = ReportText.Count(o.Results),
            ["failed_results"] = ReportText.Count(o.FailedResults),
            ["cost"] = ReportText.Usd(o.CostUsd),
            ["cost_per_operation"] = ReportText.Usd(o.CostPerOperation),
            ["measures"] = Measures(s),
            ["first_action_p50"] = ReportText.Duration(s.TimeToFirstAction.P50Seconds),
            ["first_action_p95"] = ReportText.Duration(s.TimeToFirstAction.P95Seconds),
            ["first_action_count"] = ReportText.Count(s.TimeToFirstAction.Count),
            ["done_p50"] = ReportText.Duration(s.TimeToDone.P50Seconds),
            ["done_p95"] = ReportText.Duration(s.TimeToDone.P95Seconds),
            ["done_count"] = ReportText.Count(s.TimeToDone.Count),
            ["pending_approvals"] = ReportText.Count(s.Pending.Approvals),
            ["pending_decisions"] = ReportText.Count(s.Pending.Decisions),
            ["pending_oldest"] = ReportText.Duration(s.Pending.OldestSeconds),
            ["pending_p50"] = ReportText.Duration(s.Pending.Age.P50Seconds),
            ["workflows_scheduled"] = ReportText.Count(s.Workflows.Scheduled),
            ["workflows_completed"] = ReportText.Count(s.Workflows.Completed),
            ["workflows_missed"] = ReportText.Count(s.Workflows.MissedSlots),
            ["agents"] = Slices(s.ByAgent, escape),
            ["priorities"] = Slices(s.ByPriority, escape),
            ["clients"] = Slices(s.ByClient, escape),
            ["days"] = Days(s),
            ["attention"] = Attention(s, context, escape),
            ["attention_more"] = s.AttentionTotal > s.Attention.Count ? ReportText.Count(s.AttentionTotal - s.Attention.Count) : string.Empty,
            ["alerts"] = Alerts(context.Alerts, escape),
            ["charts"] = Charts(s, html),
        };
        return model;
    }

    private static ScriptArray Measures(KpiSnapshot s)
    {
        var list = new ScriptArray();
        foreach (var m in s.Measures)
        {
            list.Add(new ScriptObject
            {
                ["name"] = m.Name,
                ["label"] = m.Label,
                ["value"] = ReportText.Percent(m.Value),
                ["raw"] = ReportText.Raw(m.Value),
                ["target"] = (m.Above ? "> " : "< ") + ReportText.Percent(m.Target),
                ["status"] = m.Met switch { true => "met", false => "missed", null => "no data" },
                ["met"] = m.Met == true,
                ["missed"] = m.Met == false,
            });
        }

        return list;
    }

    private static ScriptArray Slices(IReadOnlyDictionary<string, KpiSlice> slices, Func<string, string> escape)
    {
        var list = new ScriptArray();
        foreach (var (name, v) in slices)
        {
            list.Add(new ScriptObject
            {
                ["name"] = escape(name),
                ["processed"] = ReportText.Count(v.Processed),
                ["done"] = ReportText.Count(v.Done),
                ["automation"] = ReportText.Percent(v.AutomationRate),
                ["sla"] = ReportText.Percent(v.SlaCompliance),
                ["errors"] = ReportText.Percent(v.ErrorRate),
                ["escalations"] = ReportText.Count(v.Escalations),
                ["cost"] = ReportText.Usd(v.CostUsd),
            });
        }

        return list;
    }

    private static ScriptArray Days(KpiSnapshot s)
    {
        var list = new ScriptArray();
        foreach (var d in s.ByDay)
        {
            list.Add(new ScriptObject
            {
                ["day"] = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["processed"] = ReportText.Count(d.Values.Processed),
                ["done"] = ReportText.Count(d.Values.Done),
                ["breaches"] = ReportText.Count(d.Values.Breaches),
                ["cost"] = ReportText.Usd(d.Values.CostUsd),
            });
        }

        return list;
    }

    private static ScriptArray Attention(KpiSnapshot s, ReportContext context, Func<string, string> escape)
    {
        var list = new ScriptArray();
        foreach (var a in s.Attention)
        {
            list.Add(new ScriptObject
            {
                ["number"] = a.Number.ToString(CultureInfo.InvariantCulture),
                ["link"] = context.Link(a.Number) is { } url ? escape(url) : string.Empty,
                ["title"] = escape(a.Title),
                ["kind"] = Kind(a.Kind),
                ["since"] = ReportText.Time(a.Since),
                ["age"] = ReportText.Duration(a.AgeSeconds),
                ["agent"] = escape(a.Agent ?? KpiCalculator.None),
                ["priority"] = a.Priority?.ToString() ?? KpiCalculator.None,
            });
        }

        return list;
    }

    private static ScriptArray Alerts(IReadOnlyList<AlertRecord> alerts, Func<string, string> escape)
    {
        var list = new ScriptArray();
        foreach (var a in alerts)
        {
            list.Add(new ScriptObject { ["title"] = escape(a.Title), ["since"] = ReportText.Time(a.Since), ["key"] = escape(a.Key) });
        }

        return list;
    }

    private static string Kind(AttentionKind kind) => kind switch
    {
        AttentionKind.Approval => "approval",
        AttentionKind.Decision => "decision",
        AttentionKind.Escalation => "escalated",
        AttentionKind.Breach => "SLA breached",
        _ => "needs triage",
    };

    private static ScriptObject Charts(KpiSnapshot s, bool html)
    {
        var days = s.ByDay.Select(d => new Bar(d.Day.ToString("MM-dd", CultureInfo.InvariantCulture), d.Values.Done, ReportText.Count(d.Values.Done))).ToList();
        var sla = s.ByPriority.Where(p => p.Value.SlaCompliance is not null)
            .Select(p => new Bar(p.Key, p.Value.SlaCompliance!.Value * 100, ReportText.Percent(p.Value.SlaCompliance))).ToList();
        var agents = s.ByAgent.Select(a => new Bar(a.Key, a.Value.Processed, ReportText.Count(a.Value.Processed))).ToList();
        return html
            ? new ScriptObject
            {
                ["done_by_day"] = SvgBarChart.Render("done-by-day", "Issues done per day", days),
                ["sla_by_priority"] = SvgBarChart.Render("sla-by-priority", "SLA compliance by priority (%)", sla, 100),
                ["by_agent"] = SvgBarChart.Render("by-agent", "Issues processed per agent", agents),
            }
            : new ScriptObject
            {
                ["done_by_day"] = MermaidChart.Render("Issues done per day", "issues", days),
                ["sla_by_priority"] = MermaidChart.Render("SLA compliance by priority", "percent", sla, 100),
                ["by_agent"] = MermaidChart.Render("Issues processed per agent", "issues", agents),
            };
    }
}
