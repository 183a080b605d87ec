using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reports;

/// <summary>
/// Where the KPIs read their per-issue facts: the store's own index when it keeps one (<see cref="IIssueFactsIndex"/>:
/// a SQLite table, GitHub's snapshot index), else one full listing built into facts by the same builder.
/// </summary>
public static class KpiSource
{
    /// <param name="backend">The store; decorators (counting, scrubbing) are looked through to the one that may keep an index.</param>
    /// <param name="refresh">Bring a remote index up to date first (a report); false reads what a pass just listed (the dashboard).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<IReadOnlyList<IssueFacts>> ReadAsync(IIssueStore backend, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (StoreLayers.Find<IIssueFactsIndex>(backend) is { } index)
        {
            return await index.ReadFactsAsync(refresh, cancellationToken);
        }

        var issues = await backend.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), cancellationToken);
        return [.. issues.Select(i => IssueFactsBuilder.From(i, backend.Identity))];
    }

    /// <summary>Every client id the facts name, sorted (for "unknown client" answers).</summary>
    public static IReadOnlyList<string> Clients(IEnumerable<IssueFacts> facts) =>
        [.. facts.SelectMany(f => f.Clients).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
