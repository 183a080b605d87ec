using BusinessOps.Core.Kpis.Snapshots;

namespace BusinessOps.Core.Kpis;

/// <summary>What to compute: the period, an optional client (<c>client/&lt;id&gt;</c>; null = every issue), the targets, the moment.</summary>
public sealed record KpiQuery(KpiPeriod Period, string? Client, KpiTargets Targets, DateTimeOffset Now)
{
    /// <summary>The period of <paramref name="kind"/> ending at <paramref name="now"/>, for every client, with the default targets.</summary>
    public static KpiQuery For(KpiPeriodKind kind, DateTimeOffset now, string? client = null, KpiTargets? targets = null) =>
        new(KpiPeriod.Ending(kind, now), client, targets ?? KpiTargets.Default, now);
}
