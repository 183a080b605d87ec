using BusinessOps.Core.Kpis;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Store;

namespace BusinessOps.GitHub;

/// <summary>The KPI index on GitHub: the snapshot index the listings keep, read without a request.</summary>
public sealed partial class GitHubIssueStore : IIssueFactsIndex
{
    /// <summary>
    /// Facts of every issue in the snapshot index (pull requests left out). With <paramref name="refresh"/>, a listing of
    /// all issues brings the index up to date first (its usual cost: two conditional walks, plus comments of issues that
    /// moved); without, what the last listing of this run (or the one persisted before it) holds — no request at all.
    /// An issue whose comments were never fetched is read from its labels alone.
    /// </summary>
    public async Task<IReadOnlyList<IssueFacts>> ReadFactsAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (refresh)
        {
            await ListIssuesAsync(new IssueQuery(IssueStateFilter.All), cancellationToken);
        }

        var identity = await ResolveIdentityAsync(cancellationToken);
        List<IndexedIssue> entries;
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            entries = [.. (_index ?? LoadIndex())?.Issues ?? []];
        }
        finally
        {
            _indexGate.Release();
        }

        return [.. entries
            .Where(e => !e.Issue.IsPullRequest)
            .OrderBy(e => e.Issue.Number)
            .Select(e => IssueFactsBuilder.From(SnapshotMapper.ToSnapshot(e.Issue, e.Comments), identity))];
    }
}
