using BusinessOps.Core.Kpis.Snapshots;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// A store that computes the KPIs where its index lives (issue 15, item 5: SQLite aggregates in SQL), reading only what
/// the period needs instead of every issue's facts. Its answer equals <see cref="KpiCalculator.Compute"/> over
/// <see cref="IIssueFactsIndex.ReadFactsAsync"/>'s rows. Optional: the coordinator falls back to that.
/// </summary>
public interface IKpiIndex
{
    /// <summary>The KPIs of <paramref name="query"/>, the index brought up to date first.</summary>
    Task<KpiSnapshot> ComputeKpisAsync(KpiQuery query, CancellationToken cancellationToken);

    /// <summary>Every client id the issues name (<c>client/&lt;id&gt;</c>, lower case), sorted.</summary>
    Task<IReadOnlyList<string>> ReadClientsAsync(CancellationToken cancellationToken);
}
