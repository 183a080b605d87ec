using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Store;

namespace BusinessOps.GitHub;

/// <summary>The persisted issue index behind cheap listings: the two watermark walks and in-place comment patches.</summary>
public sealed partial class GitHubIssueStore
{
    // GitHub's timestamps have 1-second resolution: asking from one second before a watermark never misses an issue
    // updated in the watermark's own second after it was listed, whether GitHub's since is inclusive or not.
    private static readonly TimeSpan SinceOverlap = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            var index = await RefreshIndexAsync(query.Since ?? DateTimeOffset.MinValue, cancellationToken);
            var byNumber = index.Issues.ToDictionary(i => i.Issue.Number);
            var commentsWatermark = await RefreshEditedCommentsAsync(index, byNumber, cancellationToken);
            var matches = byNumber.Values
                .Where(i => !i.Issue.IsPullRequest && Matches(i.Issue, query))
                .OrderBy(i => i.Issue.Number)
                .ToList();

            // Comments are fetched only where updated_at or the count moved; issues without comments need no request.
            var stale = matches.Where(e => e.Comments is null || e.CommentsFor != e.Issue.UpdatedAt || e.CommentsCount != e.Issue.Comments).ToList();
            await Parallel.ForEachAsync(
                stale,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentReads, CancellationToken = cancellationToken },
                async (entry, ct) =>
                {
                    var comments = entry.Issue.Comments == 0 ? [] : await FetchCommentsAsync(entry.Issue.Number, ct);
                    lock (byNumber)
                    {
                        byNumber[entry.Issue.Number] = entry with { Comments = comments, CommentsFor = entry.Issue.UpdatedAt, CommentsCount = entry.Issue.Comments };
                    }
                });

            if (stale.Count > 0 || !ReferenceEquals(index, _index) || _indexDirty || commentsWatermark != index.CommentsWatermark)
            {
                _index = index with { Issues = [.. byNumber.Values.OrderBy(i => i.Issue.Number)], CommentsWatermark = commentsWatermark };
                _indexFile.Save(_index);
                _indexDirty = false;
            }

            return [.. matches.Select(m => byNumber[m.Issue.Number]).Select(e => SnapshotMapper.ToSnapshot(e.Issue, e.Comments))];
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private static bool Matches(IssueRecord issue, IssueQuery query)
    {
        var stateOk = query.State switch
        {
            IssueStateFilter.Open => !issue.Closed,
            IssueStateFilter.Closed => issue.Closed,
            _ => true,
        };
        return stateOk
            && (query.Since is null || issue.UpdatedAt >= query.Since)
            && (query.Labels is null || query.Labels.All(l => issue.Labels.Any(x => string.Equals(x, l, StringComparison.OrdinalIgnoreCase))));
    }

    private static bool Same(IssueRecord a, IssueRecord b) =>
        a.UpdatedAt == b.UpdatedAt && a.Comments == b.Comments && a.Closed == b.Closed && a.Title == b.Title && a.Body == b.Body && a.Labels.SequenceEqual(b.Labels);

    /// <summary>The issue number in a comment's <c>html_url</c> (<c>…/issues/{n}#issuecomment-{id}</c>); Octokit's model has no <c>issue_url</c>.</summary>
    internal static int IssueNumberOf(Octokit.IssueComment comment)
    {
        var url = comment.HtmlUrl ?? string.Empty;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var slash = path.LastIndexOf('/');
        return slash >= 0 && int.TryParse(path.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private SnapshotIndex? LoadIndex()
    {
        if (!_indexLoaded)
        {
            _index = _indexFile.Load();
            _indexLoaded = true;
        }

        return _index;
    }

    /// <summary>
    /// Walks the issues newest-updated first and merges them into the index, stopping at the first issue it already
    /// holds unchanged. Page 1 is asked as it was cached when this token can revalidate it (nothing changed = one free
    /// 304, the index is returned as it was); with a new token it is asked from the watermark on (<c>since</c>), so
    /// unchanged issues are not listed again. Without a usable index, walks down to <paramref name="floor"/>.
    /// </summary>
    private async Task<SnapshotIndex> RefreshIndexAsync(DateTimeOffset floor, CancellationToken cancellationToken)
    {
        var previous = LoadIndex();
        var usable = previous is not null && previous.Floor <= floor;
        var stop = usable ? previous!.Watermark ?? DateTimeOffset.MinValue : floor;
        Uri? next = _api.IssuesPage(null);
        if (usable && previous!.Watermark is { } watermarkSince && !await _api.CanRevalidateAsync(next, cancellationToken))
        {
            next = _api.IssuesPage(watermarkSince - SinceOverlap);
        }

        var byNumber = (previous?.Issues ?? []).ToDictionary(i => i.Issue.Number);
        var watermark = previous?.Watermark;
        var first = true;
        while (next is not null)
        {
            var page = await _api.ListIssuesPageAsync(next, cancellationToken);
            if (first && page.NotModified && usable)
            {
                return previous!;
            }

            first = false;
            var issues = page.Items.Select(SnapshotMapper.ToRecord).ToList();
            foreach (var issue in issues)
            {
                watermark = watermark is { } w && w >= issue.UpdatedAt ? w : issue.UpdatedAt;
                byNumber[issue.Number] = byNumber.TryGetValue(issue.Number, out var known)
                    ? known with { Issue = issue }
                    : new IndexedIssue(issue, null, null, 0);
            }

            next = issues.Count > 0 && !ReachedKnown(issues[^1], stop, previous) ? page.Next : null;
        }

        var newFloor = usable ? previous!.Floor : floor;
        return new SnapshotIndex(SnapshotIndex.CurrentVersion, Location, watermark, newFloor, [.. byNumber.Values.OrderBy(i => i.Issue.Number)], previous?.CommentsWatermark);
    }

    /// <summary>
    /// Walks the repository's comments newest-updated first down to the comments watermark and patches edited comments
    /// into indexed issues (an unseen comment sends its issue's list to be fetched again). Page 1 is asked as cached
    /// (304 = no comment changed) or, with a new token, from the watermark on. On a cold index only page 1 is read, to
    /// set the watermark, since every comment list was just fetched fresh.
    /// </summary>
    private async Task<DateTimeOffset?> RefreshEditedCommentsAsync(SnapshotIndex index, Dictionary<int, IndexedIssue> byNumber, CancellationToken cancellationToken)
    {
        var stop = index.CommentsWatermark;
        Uri? next = _api.RepoCommentsPage(null);
        if (stop is { } since && !await _api.CanRevalidateAsync(next, cancellationToken))
        {
            next = _api.RepoCommentsPage(since - SinceOverlap);
        }

        var watermark = stop;
        var first = true;
        while (next is not null)
        {
            var page = await _api.ListRepoCommentsPageAsync(next, cancellationToken);
            if (first && (page.NotModified || page.Items.Count == 0))
            {
                return watermark;
            }

            if (page.Items.Count == 0)
            {
                // A later page emptied while paging (comments deleted meanwhile, e.g. another pass's duplicate): nothing more.
                break;
            }

            var comments = page.Items.Select(c => (Issue: IssueNumberOf(c), Comment: SnapshotMapper.ToRecord(c))).ToList();
            var newest = comments.Max(c => c.Comment.UpdatedAt);
            watermark = watermark is { } w && w >= newest ? w : newest;
            first = false;
            if (stop is null)
            {
                break;
            }

            foreach (var (number, comment) in comments.Where(c => c.Comment.UpdatedAt >= stop))
            {
                if (byNumber.TryGetValue(number, out var entry) && entry.Comments is { } known)
                {
                    var position = known.FindIndex(c => c.Id == comment.Id);
                    byNumber[number] = position < 0 ? entry with { Comments = null }
                        : known[position] == comment ? entry
                        : entry with { Comments = [.. known[..position], comment, .. known[(position + 1)..]] };
                }
            }

            next = comments[^1].Comment.UpdatedAt >= stop ? page.Next : null;
        }

        return watermark;
    }

    /// <summary>
    /// The walk can stop at an issue older than the watermark, or at one stamped exactly at it that the index already holds
    /// unchanged (timestamps have 1-second resolution, so many issues can share the watermark).
    /// </summary>
    private static bool ReachedKnown(IssueRecord last, DateTimeOffset stop, SnapshotIndex? previous)
    {
        if (last.UpdatedAt < stop)
        {
            return true;
        }

        if (last.UpdatedAt > stop || previous is null)
        {
            return false;
        }

        var known = previous.Issues.Find(i => i.Issue.Number == last.Number)?.Issue;
        return known is not null && Same(known, last);
    }

    /// <summary>
    /// Our own comment edits go straight into the index, so the next pass never reads a stale status comment even if
    /// GitHub did not move the issue's <c>updated_at</c> for the edit.
    /// </summary>
    private async Task PatchIndexedCommentAsync(int number, CommentRecord updated, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            var entry = LoadIndex()?.Issues.Find(e => e.Issue.Number == number);
            var position = entry?.Comments?.FindIndex(c => c.Id == updated.Id) ?? -1;
            if (position >= 0)
            {
                entry!.Comments![position] = updated;
                _indexDirty = true;
            }
        }
        finally
        {
            _indexGate.Release();
        }
    }
}
