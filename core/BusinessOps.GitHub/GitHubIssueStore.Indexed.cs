using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Store;

namespace BusinessOps.GitHub;

/// <summary>The snapshot index read as it is, without a request (<see cref="IIndexedIssues"/>).</summary>
public sealed partial class GitHubIssueStore : IIndexedIssues
{
    /// <summary>
    /// What the last listing of this run (or the one persisted before it, as <c>actions/cache</c> keeps it) holds for
    /// <paramref name="query"/>: no request at all. An issue whose comments were never fetched comes without comments.
    /// Null when no listing was ever persisted here.
    /// </summary>
    public async Task<IReadOnlyList<IssueSnapshot>?> ListIndexedAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        SnapshotIndex? index;
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            index = _index ?? LoadIndex();
        }
        finally
        {
            _indexGate.Release();
        }

        return index is null ? null : [.. index.Issues
            .Where(e => !e.Issue.IsPullRequest && Matches(e.Issue, query))
            .OrderBy(e => e.Issue.Number)
            .Select(e => SnapshotMapper.ToSnapshot(e.Issue, e.Comments))];
    }
}
