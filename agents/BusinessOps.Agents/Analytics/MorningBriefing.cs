using System.Globalization;
using BusinessOps.Agents.Rendering;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// The morning briefing: urgent items (escalated), overnight performance (the metrics' latest day against yesterday, a
/// week and a month ago and the targets; the day's KPIs), the autonomous actions completed in the last 24 hours (issues
/// done without a person's <c>/approve</c>), opportunities and today's focus. Rendered from the business's
/// <c>templates/analytics.sbn</c> or the built-in wording.
/// </summary>
internal static class MorningBriefing
{
    /// <summary>Opportunities: a target beaten by this share, or a week-over-week move this large the right way.</summary>
    private const double Notable = 0.10;

    public static (RenderedText Text, IReadOnlyList<string> Urgent, IReadOnlyList<string> Focus) Build(
        DateOnly date, IReadOnlyList<MetricView> views, IReadOnlyList<MetricAnomaly> anomalies, KpiSnapshot? day, IssueDigestSet? issues, int self, AnalyticsRules rules, CommentTemplate? template, DateTimeOffset now)
    {
        var items = issues?.Items ?? [];
        var urgent = UrgentItems.Find(views, rules, items);
        var completed = items.Where(i => i.Number != self && i.Status == IssueStatus.Done && !i.HumanApproved && i.UpdatedAt > now.AddHours(-24) && i.UpdatedAt <= now)
            .OrderByDescending(i => i.UpdatedAt).ToList();

        var opportunities = new List<string>();
        foreach (var v in views)
        {
            var better = v.Target?.HigherIsBetter ?? true;
            if (v is { Latest: { } value, Target: { } t } && better && t.Target > 0 && value >= t.Target * (1 + Notable))
            {
                opportunities.Add(Inv($"{v.Name} {value:N0} beats its target {t.Target:N0} by {Math.Abs((value - t.Target) / t.Target):0%}: find what drove it and repeat it."));
            }
            else if (v.WeekChange is { } w && (better ? w >= Notable : w <= -Notable) && v.Target is not null)
            {
                opportunities.Add(Inv($"{v.Name} moved {w:+0%;-0%} in a week, the right way."));
            }
        }

        var focus = new List<string>();
        focus.AddRange(views.Where(v => v.TargetMet == false).Select(v => Inv($"{v.Name} {v.Latest:N0} misses its target ({(v.Target!.HigherIsBetter ? "at least" : "at most")} {v.Target.Target:N0}).")));
        focus.AddRange(anomalies.Where(a => a.Day == date).Select(a => Inv($"{a.Metric} {a.Value:N0} is an anomaly (z = {Shown(a.Z)} against a mean of {a.Mean:N1}): check the data and the cause.")));
        if (day is not null)
        {
            focus.AddRange(day.Measures.Where(m => m.Met == false).Select(m => Inv($"{m.Label} {Percent(m.Value)} misses its target ({(m.Above ? "above" : "below")} {Percent(m.Target)}).")));
            if (day.Pending.Approvals > 0)
            {
                focus.Add(Inv($"{day.Pending.Approvals} plan(s) await approval."));
            }
        }

        var blocked = items.Count(i => i.State == IssueState.Open && i.Status is IssueStatus.Failed or IssueStatus.Escalated);
        if (blocked > 0)
        {
            focus.Add(Inv($"{blocked} issue(s) failed or escalated: see the project manager's oversight."));
        }

        var kpis = day is null ? string.Empty
            : Inv($"Since {day.From:yyyy-MM-dd HH:mm} UTC: {day.Overall.Processed} processed, {day.Overall.Done} done, automation {Percent(day.Overall.AutomationRate)}, SLA compliance {Percent(day.Overall.SlaCompliance)}, error rate {Percent(day.Overall.ErrorRate)}.");
        var model = new Dictionary<string, object?>
        {
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["urgent"] = urgent,
            ["metrics"] = views.Select(v => (object?)new Dictionary<string, object?>
            {
                ["name"] = v.Name,
                ["value"] = v.Latest is { } x ? x.ToString("N0", CultureInfo.InvariantCulture) : "—",
                ["day"] = Change(v.DayChange),
                ["week"] = Change(v.WeekChange),
                ["month"] = Change(v.MonthChange),
                ["target"] = v.Target is { } t ? Inv($"{(t.HigherIsBetter ? "≥" : "≤")} {t.Target:N0} {(v.TargetMet == true ? "met" : "missed")}") : "—",
            }).ToList(),
            ["kpis"] = kpis,
            ["actions_count"] = completed.Count,
            ["actions"] = completed.Take(10).Select(i => Inv($"#{i.Number} {i.Title} ({i.Agent})")).ToList(),
            ["opportunities"] = opportunities,
            ["focus"] = focus,
        };
        return (CommentRenderer.Render(template, BriefingTemplate.BuiltIn, model), urgent, focus);
    }

    /// <summary>A z-score as people read it; a change from a flat history has no finite z.</summary>
    public static string Shown(double z) => double.IsInfinity(z) ? (z > 0 ? "+∞" : "−∞") : z.ToString("+0.0;-0.0", CultureInfo.InvariantCulture);

    private static string Change(double? change) => change is { } c ? c.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "—";

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
