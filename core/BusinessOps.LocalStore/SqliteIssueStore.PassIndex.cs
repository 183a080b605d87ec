using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>The reconcile pass's index (<see cref="IPassIndex"/>): an idle pass reads what changed or is due, not every open issue.</summary>
public sealed partial class SqliteIssueStore : IPassIndex
{
    // A write stamped just before the pass read but committed after it (another process) is still read by the next pass.
    private static readonly TimeSpan CommitSlack = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public Task<IReadOnlyList<IssueSnapshot>?> ListForPassAsync(string fingerprint, DateTimeOffset now, TimeSpan fullEvery, string alwaysLabelPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(alwaysLabelPrefix);
        if (IsReadOnly)
        {
            return Task.FromResult<IReadOnlyList<IssueSnapshot>?>(null);
        }

        return ReadAsync<IReadOnlyList<IssueSnapshot>?>(
            tx =>
            {
                if (!PassTable.Exists(tx) || PassTable.Last(tx) is not { } last || last.Fingerprint != fingerprint
                    || now - last.FullAt >= fullEvery || now < last.ReadAt || last.Collaborators != PassTable.Collaborators(tx))
                {
                    return null;
                }

                var numbers = PassTable.Numbers(tx, last.ReadAt - CommitSlack, now, Identity, alwaysLabelPrefix);
                return IssueRows.Load(tx, _skipped, Location, "i.number IN (SELECT value FROM json_each($numbers))", ("$numbers", numbers));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordPassAsync(string fingerprint, DateTimeOffset readAt, bool full, IReadOnlyDictionary<int, DateTimeOffset> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(due);
        return IsReadOnly
            ? Task.CompletedTask
            : WriteAsync(
                tx =>
                {
                    PassTable.Record(tx, fingerprint, readAt, full, due);
                    return 0;
                },
                cancellationToken);
    }
}
