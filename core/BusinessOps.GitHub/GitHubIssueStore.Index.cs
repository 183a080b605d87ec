using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Store;

namespace BusinessOps.GitHub;

/// <summary>The persisted issue index behind cheap listings: the two <c>since</c> walks and in-place comment patches.</summary>
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
    private static int IssueNumberOf(Octokit.IssueComment comment)
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
    /// Lists the issues updated since the index's watermark (one short page when little changed; 304 when nothing did and
    /// the token is the one that cached it) and merges them in. Without a usable index, lists down to <paramref name="floor"/>
    /// (everything on a cold start). Returns the previous index itself when nothing changed.
    /// </summary>
    private async Task<SnapshotIndex> RefreshIndexAsync(DateTimeOffset floor, CancellationToken cancellationToken)
    {
        var previous = LoadIndex();
        var usable = previous is not null && previous.Floor <= floor;
        var since = usable ? previous!.Watermark : (floor > DateTimeOffset.MinValue ? floor : null);
        var issues = await _api.ListIssuesAsync(since - SinceOverlap, cancellationToken);
        var byNumber = (previous?.Issues ?? []).ToDictionary(i => i.Issue.Number);
        var changed = !usable;
        foreach (var record in issues.Select(SnapshotMapper.ToRecord))
        {
            if (byNumber.TryGetValue(record.Number, out var known))
            {
                changed |= !Same(known.Issue, record);
                byNumber[record.Number] = known with { Issue = record };
            }
            else
            {
                changed = true;
                byNumber[record.Number] = new IndexedIssue(record, null, null, 0);
            }
        }

        var watermark = issues.Count == 0 ? previous?.Watermark : issues.Max(i => i.UpdatedAt ?? i.CreatedAt);
        if (!changed && watermark == previous!.Watermark)
        {
            return previous;
        }

        var newFloor = usable ? previous!.Floor : floor;
        return new SnapshotIndex(SnapshotIndex.CurrentVersion, Location, watermark, newFloor, [.. byNumber.Values.OrderBy(i => i.Issue.Number)], previous?.CommentsWatermark);
    }

    /// <summary>
    /// Lists the repository's comments updated since the comments watermark and patches edited ones into indexed issues
    /// (an unseen comment sends its issue's list to be fetched again). On a cold index only the first page is read, to set
    /// the watermark, since every comment list was just fetched fresh.
    /// </summary>
    private async Task<DateTimeOffset?> RefreshEditedCommentsAsync(SnapshotIndex index, Dictionary<int, IndexedIssue> byNumber, CancellationToken cancellationToken)
    {
        var stop = index.CommentsWatermark;
        var comments = await _api.ListRepoCommentsAsync(stop - SinceOverlap, cancellationToken);
        if (comments.Count == 0)
        {
            return stop;
        }

        var watermark = comments.Max(c => c.UpdatedAt ?? c.CreatedAt);
        if (stop is null)
        {
            return watermark;
        }

        foreach (var comment in comments)
        {
            if (byNumber.TryGetValue(IssueNumberOf(comment), out var entry) && entry.Comments is { } known)
            {
                var record = SnapshotMapper.ToRecord(comment);
                var position = known.FindIndex(c => c.Id == record.Id);
                byNumber[entry.Issue.Number] = position < 0 ? entry with { Comments = null }
                    : known[position] == record ? entry
                    : entry with { Comments = [.. known[..position], record, .. known[(position + 1)..]] };
            }
        }

        return watermark > stop ? watermark : stop;
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
