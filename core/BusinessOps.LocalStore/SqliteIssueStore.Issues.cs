using System.Globalization;
using System.Text;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>Issues: list, get, create, open/close.</summary>
public sealed partial class SqliteIssueStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var labels = InputGuard.Labels(query.Labels);
        InputGuard.LabelCount(labels.Count);

        var where = new StringBuilder(query.State switch
        {
            IssueStateFilter.Open => "i.state = 'open'",
            IssueStateFilter.Closed => "i.state = 'closed'",
            _ => "1 = 1",
        });
        var parameters = new List<(string Name, object? Value)>();
        if (query.Since is { } since)
        {
            where.Append(" AND i.updated_at >= $since");
            parameters.Add(("$since", Timestamps.ToText(since)));
        }

        for (var n = 0; n < labels.Count; n++)
        {
            // Every label must be present (GitHub's labels= filter is an AND); names compare case-insensitively (column collation).
            var name = string.Create(CultureInfo.InvariantCulture, $"$label{n}");
            where.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM issue_labels fl JOIN labels l ON l.id = fl.label WHERE fl.issue = i.number AND l.name = {name})");
            parameters.Add((name, labels[n]));
        }

        var clause = where.ToString();
        var values = parameters.ToArray();
        return ReadAsync<IReadOnlyList<IssueSnapshot>>(tx => IssueRows.Load(tx, _skipped, Location, clause, values), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) =>
        ReadAsync(tx => IssueRows.Load(tx, _skipped, Location, "i.number = $number", ("$number", number)).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var title = InputGuard.Title(issue.Title);
        var body = InputGuard.Body(issue.Body, "issue body");
        var labels = InputGuard.Labels(issue.Labels);
        InputGuard.LabelCount(labels.Count);

        return WriteAsync(
            tx =>
            {
                var now = Now();
                var number = Convert.ToInt32(
                    tx.Scalar(
                        "INSERT INTO issues (title, body, state, author, created_at, updated_at) VALUES ($title, $body, 'open', $author, $now, $now) RETURNING number;",
                        ("$title", title),
                        ("$body", body),
                        ("$author", Actor),
                        ("$now", now)),
                    CultureInfo.InvariantCulture);
                foreach (var label in labels)
                {
                    AttachLabel(tx, number, label);
                }

                return IssueRows.Load(tx, _skipped, Location, "i.number = $number", ("$number", number))[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken)
    {
        var text = state == IssueState.Closed ? "closed" : "open";
        return WriteAsync(
            tx =>
            {
                RequireIssue(tx, number);

                // Setting the state it already has is not a write (a reconcile pass over unchanged input writes nothing).
                return tx.Execute(
                    "UPDATE issues SET state = $state, updated_at = $now WHERE number = $number AND state <> $state;",
                    ("$state", text),
                    ("$now", Now()),
                    ("$number", number));
            },
            cancellationToken);
    }

    private static void RequireIssue(SqliteTransaction transaction, int number)
    {
        if (transaction.Scalar("SELECT 1 FROM issues WHERE number = $number;", ("$number", number)) is null)
        {
            throw new IssueStoreException(StoreErrorKind.NotFound, $"Issue #{number} does not exist: run 'coordinator issues list --state all' to see the numbers.");
        }
    }

    private static void TouchIssue(SqliteTransaction transaction, int number, string now) =>
        transaction.Execute("UPDATE issues SET updated_at = $now WHERE number = $number;", ("$now", now), ("$number", number));
}
