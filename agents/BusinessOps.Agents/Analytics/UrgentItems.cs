using System.Globalization;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// The thresholds that make a briefing item urgent (<c>analytics.yml</c>): revenue more than 10 % from the day before,
/// more than 5 customers whose health is dropping, more than 1 minute of downtime, any critical ticket (the CSV's count,
/// and every open P0 support issue handed in).
/// </summary>
internal static class UrgentItems
{
    public static IReadOnlyList<string> Find(IReadOnlyList<MetricView> views, AnalyticsRules rules, IEnumerable<IssueDigest> issues) =>
        [.. FromMetrics(views, rules), .. FromTickets(issues)];

    /// <summary>Open P0 support tickets: urgent, but each already is an issue that escalated at once, so none is opened for them.</summary>
    public static IReadOnlyList<string> FromTickets(IEnumerable<IssueDigest> issues) =>
        [.. issues.Where(i => i.State == IssueState.Open && i.Priority == Priority.P0 && i.Agent == AgentNames.Support && i.Status != IssueStatus.Done)
            .OrderBy(i => i.Number).Take(10).Select(i => Inv($"Critical ticket #{i.Number} is open: {(i.Title.Length > 80 ? i.Title[..80] + "…" : i.Title)}."))];

    /// <summary>The thresholds crossed by the attached metrics' latest day.</summary>
    public static IReadOnlyList<string> FromMetrics(IReadOnlyList<MetricView> views, AnalyticsRules rules)
    {
        MetricView? View(string name) => views.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        var urgent = new List<string>();
        if (View(rules.RevenueMetric) is { DayChange: { } change } revenue && Math.Abs(change) > rules.UrgentRevenueVariance)
        {
            urgent.Add(Inv($"Revenue {revenue.Latest:N0} is {change:+0.0%;-0.0%} against yesterday ({revenue.Yesterday:N0}): beyond the ±{rules.UrgentRevenueVariance:0%} threshold."));
        }

        if (View(rules.HealthDropsMetric)?.Latest is { } drops && drops > rules.UrgentHealthDrops)
        {
            urgent.Add(Inv($"{drops:0} customers' health is dropping (more than {rules.UrgentHealthDrops})."));
        }

        if (View(rules.DowntimeMetric)?.Latest is { } downtime && downtime > rules.UrgentDowntimeMinutes)
        {
            urgent.Add(Inv($"{downtime:0.#} minute(s) of downtime (more than {rules.UrgentDowntimeMinutes:0.#})."));
        }

        if (View(rules.CriticalTicketsMetric)?.Latest is { } critical && critical > 0)
        {
            urgent.Add(Inv($"{critical:0} critical ticket(s) reported."));
        }

        return urgent;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
