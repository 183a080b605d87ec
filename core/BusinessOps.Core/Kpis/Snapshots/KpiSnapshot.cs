namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>
/// The KPIs of one period, computed by <see cref="KpiCalculator"/> from the per-issue index: the one value the reports,
/// the dashboard, the alerts and (through its dispatch context) the analytics agent all read. Serialised by
/// <see cref="KpiJson"/>; what a number means is documented on <see cref="KpiSlice"/>.
/// </summary>
public sealed record KpiSnapshot
{
    /// <summary>Version of this document's shape, for machines that keep snapshots.</summary>
    public int Schema { get; init; } = 1;

    public required string Period { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>The client the figures are limited to, or null for every issue.</summary>
    public string? Client { get; init; }

    public required KpiTargets Targets { get; init; }

    /// <summary>Issues in the index (all time, this client's when limited).</summary>
    public int Issues { get; init; }

    public required KpiSlice Overall { get; init; }

    /// <summary>Automation, SLA compliance and error rate against their targets.</summary>
    public required IReadOnlyList<KpiMeasure> Measures { get; init; }

    /// <summary>From filing to the coordinator's first write, for issues first acted on in the period.</summary>
    public required DurationStats TimeToFirstAction { get; init; }

    /// <summary>From filing to done, for issues done in the period.</summary>
    public required DurationStats TimeToDone { get; init; }

    /// <summary>Waiting for a person now (not limited to the period).</summary>
    public required PendingApprovals Pending { get; init; }

    public required WorkflowTally Workflows { get; init; }

    public required IReadOnlyDictionary<string, KpiSlice> ByAgent { get; init; }

    /// <summary>Keyed <c>P0</c>…<c>P3</c> (and <c>none</c>); SLA compliance by priority is each slice's <see cref="KpiSlice.SlaCompliance"/>.</summary>
    public required IReadOnlyDictionary<string, KpiSlice> ByPriority { get; init; }

    /// <summary>Keyed by client id; issues for no client are under <c>(internal)</c>.</summary>
    public required IReadOnlyDictionary<string, KpiSlice> ByClient { get; init; }

    /// <summary>Every day of the period, oldest first (days with nothing are present, with zeros).</summary>
    public required IReadOnlyList<DaySlice> ByDay { get; init; }

    /// <summary>Open issues that need a person now, most urgent first, at most <see cref="KpiCalculator.MaxAttention"/>.</summary>
    public required IReadOnlyList<AttentionItem> Attention { get; init; }

    /// <summary>Open issues that need a person, before the bound.</summary>
    public int AttentionTotal { get; init; }
}
