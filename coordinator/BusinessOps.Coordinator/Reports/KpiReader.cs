using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// The KPIs of one command: computed where the index lives when the store can (<see cref="IKpiIndex"/>: SQL aggregates
/// on SQLite, no row per issue read), else by <see cref="KpiCalculator"/> over the facts <see cref="KpiSource"/> reads —
/// once, however many questions are asked of them.
/// </summary>
/// <param name="backend">The store; decorators are looked through, as <see cref="KpiSource"/> does.</param>
/// <param name="refresh">Bring a remote index up to date first (see <see cref="KpiSource.ReadAsync"/>).</param>
public sealed class KpiReader(IIssueStore backend, bool refresh)
{
    /// <summary>The store's own KPI computation, when it has one.</summary>
    private readonly IKpiIndex? _index = StoreLayers.Find<IKpiIndex>(backend);

    /// <summary>The facts, read at the first question when the store cannot compute.</summary>
    private IReadOnlyList<IssueFacts>? _facts;

    /// <summary>Every client id the issues name, sorted (for "unknown client" answers).</summary>
    public async Task<IReadOnlyList<string>> ClientsAsync(CancellationToken cancellationToken) =>
        _index is { } index ? await index.ReadClientsAsync(cancellationToken) : KpiSource.Clients(await FactsAsync(cancellationToken));

    public async Task<KpiSnapshot> ComputeAsync(KpiQuery query, CancellationToken cancellationToken) =>
        _index is { } index ? await index.ComputeKpisAsync(query, cancellationToken) : KpiCalculator.Compute(await FactsAsync(cancellationToken), query);

    private async Task<IReadOnlyList<IssueFacts>> FactsAsync(CancellationToken cancellationToken) =>
        _facts ??= await KpiSource.ReadAsync(backend, refresh, cancellationToken);
}
