using System.Globalization;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// The KPI index (<see cref="IIssueFactsIndex"/>): a table of per-issue facts, rebuilt only where issues changed; and the
/// KPIs computed over it in SQL (<see cref="IKpiIndex"/>), reading only aggregates and the rows that need a person.
/// </summary>
public sealed partial class SqliteIssueStore : IIssueFactsIndex, IKpiIndex
{
    /// <summary>
    /// Brings the index up to date, then reads every row. A read-only store cannot keep the table: its facts are built
    /// from a full listing instead. <paramref name="refresh"/> is ignored: a local refresh costs no request.
    /// </summary>
    public async Task<IReadOnlyList<IssueFacts>> ReadFactsAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (IsReadOnly)
        {
            return await ListFactsAsync(cancellationToken);
        }

        await RefreshFactsAsync(cancellationToken);
        return await ReadAsync<IReadOnlyList<IssueFacts>>(FactsTable.ReadAll, cancellationToken);
    }

    /// <summary>
    /// The KPIs of <paramref name="query"/> from aggregates over the index (<see cref="FactsKpis"/>), equal to
    /// <see cref="KpiCalculator.Compute"/> over every row. A read-only store whose index is missing or behind computes from a listing.
    /// </summary>
    public async Task<KpiSnapshot> ComputeKpisAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await UsableFactsAsync(cancellationToken))
        {
            return KpiCalculator.Compute(await ListFactsAsync(cancellationToken), query);
        }

        return await ReadAsync(tx => FactsKpis.Compute(tx, query), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ReadClientsAsync(CancellationToken cancellationToken)
    {
        if (!await UsableFactsAsync(cancellationToken))
        {
            return [.. (await ListFactsAsync(cancellationToken)).SelectMany(f => f.Clients).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        }

        return await ReadAsync<IReadOnlyList<string>>(FactsKpis.Clients, cancellationToken);
    }

    /// <summary>Brings the index up to date where this store may write; true when it can be read (a read-only store's: built and current).</summary>
    private async Task<bool> UsableFactsAsync(CancellationToken cancellationToken)
    {
        if (!IsReadOnly)
        {
            await RefreshFactsAsync(cancellationToken);
            return true;
        }

        return await ReadAsync(tx => FactsTable.Exists(tx) && FactsTable.Stale(tx).Count == 0, cancellationToken);
    }

    /// <summary>
    /// Rebuilds the rows of the issues written since they were built (a chunk of issues per transaction, each issue's
    /// snapshot read under the write lock that clears its mark). Checked in a read transaction first: an index already up
    /// to date costs no write lock and no write.
    /// </summary>
    private async Task RefreshFactsAsync(CancellationToken cancellationToken)
    {
        var stale = await ReadAsync(tx => FactsTable.Exists(tx) ? FactsTable.Stale(tx) : null, cancellationToken)
            ?? await WriteAsync(
                tx =>
                {
                    FactsTable.Ensure(tx);
                    return FactsTable.Stale(tx);
                },
                cancellationToken);
        for (var at = 0; at < stale.Count; at += FactsTable.Chunk)
        {
            var numbers = "[" + string.Join(',', stale.GetRange(at, Math.Min(FactsTable.Chunk, stale.Count - at)).Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
            await WriteAsync(
                tx =>
                {
                    foreach (var issue in IssueRows.Load(tx, _skipped, Location, "i.number IN (SELECT value FROM json_each($numbers))", ("$numbers", numbers)))
                    {
                        FactsTable.Upsert(tx, IssueFactsBuilder.From(issue, Identity));
                    }

                    FactsTable.Settle(tx, numbers);
                    return 0;
                },
                cancellationToken);
        }
    }

    private async Task<IReadOnlyList<IssueFacts>> ListFactsAsync(CancellationToken cancellationToken)
    {
        var all = await ListIssuesAsync(new Core.Ports.IssueQuery(Core.Ports.IssueStateFilter.All), cancellationToken);
        return [.. all.Select(i => IssueFactsBuilder.From(i, Identity))];
    }

    private bool IsReadOnly => new SqliteConnectionStringBuilder(_connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
