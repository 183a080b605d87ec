namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/analytics.yml</c>: metric targets, anomaly detection and the morning briefing's urgent thresholds.</summary>
public sealed record AnalyticsRules
{
    public static AnalyticsRules Default { get; } = new();

    public IReadOnlyList<MetricTarget> Targets { get; init; } =
    [
        new("revenue", 10_000, true), new("signups", 40, true), new("churned_customers", 2, false), new("downtime_minutes", 1, false),
    ];

    /// <summary>A value this many standard deviations from the mean of the earlier values is an anomaly.</summary>
    public double AnomalyZ { get; init; } = 3.0;

    /// <summary>Fewer earlier values than this: no anomaly verdict.</summary>
    public int AnomalyMinHistory { get; init; } = 7;

    /// <summary>The CSV column of daily revenue.</summary>
    public string RevenueMetric { get; init; } = "revenue";

    /// <summary>Revenue that far from the day before (either way) is urgent.</summary>
    public double UrgentRevenueVariance { get; init; } = 0.10;

    /// <summary>The CSV column counting customers whose health dropped.</summary>
    public string HealthDropsMetric { get; init; } = "customers_health_dropping";

    /// <summary>More customers with dropping health than this is urgent.</summary>
    public int UrgentHealthDrops { get; init; } = 5;

    /// <summary>The CSV column of downtime minutes.</summary>
    public string DowntimeMetric { get; init; } = "downtime_minutes";

    /// <summary>More downtime than this many minutes is urgent.</summary>
    public double UrgentDowntimeMinutes { get; init; } = 1;

    /// <summary>The CSV column of critical tickets (open P0 support issues count too).</summary>
    public string CriticalTicketsMetric { get; init; } = "critical_tickets";

    /// <summary>
    /// Where the morning briefing is posted besides the result comment: empty (nowhere else), <c>#N</c> (a comment on a
    /// standing issue) or the name of a chat endpoint in <c>connectors.yml</c> (<c>webhook.chat</c>).
    /// </summary>
    public string BriefingTo { get; init; } = string.Empty;

    /// <summary>The labels of the issue opened for urgent items (empty: the briefing only names them).</summary>
    public IReadOnlyList<string> UrgentLabels { get; init; } = ["management/oversight", "priority/P0"];
}
