using System.Globalization;
using BusinessOps.Core.Kpis;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>The KPI index (<see cref="IIssueFactsIndex"/>): a table of per-issue facts, rebuilt only where issues changed.</summary>
public sealed partial class SqliteIssueStore : IIssueFactsIndex
{
    /// <summary>
    /// Brings the index up to date (rows for new and changed issues, a chunk of issues per transaction, each issue's
    /// snapshot and stamp read together), then reads every row. A read-only store cannot keep the table: its facts are
    /// built from a full listing instead. <paramref name="refresh"/> is ignored: a local refresh costs no request.
    /// </summary>
    public async Task<IReadOnlyList<IssueFacts>> ReadFactsAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (IsReadOnly)
        {
            var all = await ListIssuesAsync(new Core.Ports.IssueQuery(Core.Ports.IssueStateFilter.All), cancellationToken);
            return [.. all.Select(i => IssueFactsBuilder.From(i, Identity))];
        }

        // Checked in a read transaction first: an index already up to date costs no write lock and no write.
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
                    const string Where = "i.number IN (SELECT value FROM json_each($numbers))";
                    var stamps = FactsTable.Stamps(tx, Where, ("$numbers", numbers));
                    foreach (var issue in IssueRows.Load(tx, _skipped, Location, Where, ("$numbers", numbers)))
                    {
                        FactsTable.Upsert(tx, IssueFactsBuilder.From(issue, Identity), stamps[issue.Number]);
                    }

                    return 0;
                },
                cancellationToken);
        }

        if (stale.Count > 0)
        {
            await WriteAsync(FactsTable.Prune, cancellationToken);
        }

        return await ReadAsync<IReadOnlyList<IssueFacts>>(FactsTable.ReadAll, cancellationToken);
    }

    private bool IsReadOnly => new SqliteConnectionStringBuilder(_connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
