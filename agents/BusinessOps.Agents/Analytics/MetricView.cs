namespace BusinessOps.Agents.Analytics;

/// <summary>
/// One metric on the latest day: its value, the values a day, a week and a month earlier, its target from
/// <c>analytics.yml</c> (if any) and whether it meets it, and its z-score against the earlier days.
/// </summary>
internal sealed record MetricView(string Name, double? Latest, double? Yesterday, double? WeekAgo, double? MonthAgo, Core.Agents.Rules.MetricTarget? Target, double? Z)
{
    public bool? TargetMet => Latest is { } v && Target is { } t ? (t.HigherIsBetter ? v >= t.Target : v <= t.Target) : null;

    public static double? Change(double? now, double? before) => now is { } n && before is { } b && b != 0 ? (n - b) / Math.Abs(b) : null;

    public double? DayChange => Change(Latest, Yesterday);

    public double? WeekChange => Change(Latest, WeekAgo);

    public double? MonthChange => Change(Latest, MonthAgo);
}
