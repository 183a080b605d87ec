namespace BusinessOps.Agents.Analytics;

/// <summary>
/// One metric on the latest day: its value, the values a day, a week and a month earlier, its target from
/// <c>analytics.yml</c> (if any) and whether it meets it, and its z-score against the earlier days.
/// </summary>
internal sealed record MetricView(string Name, double? Latest, double? Yesterday, double? WeekAgo, double? MonthAgo, Core.Agents.Rules.MetricTarget? Target, double? Z)
{
    public bool? TargetMet => Latest is { } v && Target is { } t ? (t.HigherIsBetter ? v >= t.Target : v <= t.Target) : null;

    /// <summary>
    /// The relative change, rounded to 10 places: amounts in cents are not exact in binary, so an exact +10 % (999.90 →
    /// 1,099.89) would otherwise come out as 0.10000000000000013 and cross a "more than 10 %" threshold it only meets.
    /// </summary>
    public static double? Change(double? now, double? before) => now is { } n && before is { } b && b != 0 ? Math.Round((n - b) / Math.Abs(b), 10) : null;

    public double? DayChange => Change(Latest, Yesterday);

    public double? WeekChange => Change(Latest, WeekAgo);

    public double? MonthChange => Change(Latest, MonthAgo);
}
