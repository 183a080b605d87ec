using BusinessOps.GitHub.Json;

namespace BusinessOps.GitHub;

/// <summary>The persisted issue index behind cheap listings: the two conditional walks and in-place comment patches.</summary>
public sealed partial class GitHubIssueStore
{
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
    /// Walks <c>state=all, sort=updated desc</c> pages. With a usable index, page 1 answered 304 means nothing changed;
    /// otherwise the walk stops at the previous watermark. Without one, it walks down to <paramref name="floor"/>.
    /// </summary>
    private async Task<SnapshotIndex> RefreshIndexAsync(DateTimeOffset floor, CancellationToken cancellationToken)
    {
        var previous = LoadIndex();
        var usable = previous is not null && previous.Floor <= floor;
        var stop = usable ? previous!.Watermark ?? DateTimeOffset.MinValue : floor;
        var byNumber = (previous?.Issues ?? []).ToDictionary(i => i.Issue.Number);
        DateTimeOffset? watermark = previous?.Watermark;
        string? next = _client.Urls.Issues("all");
        var first = true;
        while (next is not null)
        {
            var (issues, response) = await _client.ListIssuesPageAsync(next, cancellationToken);
            if (first && response.NotModified && usable)
            {
                return previous!;
            }

            if (first && issues.Count > 0)
            {
                watermark = issues[0].UpdatedAt;
            }

            first = false;
            foreach (var issue in issues)
            {
                byNumber[issue.Number] = byNumber.TryGetValue(issue.Number, out var known)
                    ? known with { Issue = issue }
                    : new IndexedIssue(issue, null, null, 0);
            }

            next = issues.Count > 0 && !ReachedKnown(issues[^1], stop, previous) ? response.Next?.AbsoluteUri : null;
        }

        var newFloor = usable ? previous!.Floor : floor;
        return new SnapshotIndex(SnapshotIndex.CurrentVersion, Location, watermark, newFloor, [.. byNumber.Values.OrderBy(i => i.Issue.Number)]);
    }

    /// <summary>
    /// Walks the repository's comments newest-updated first (page 1 conditional: 304 = no comment changed) down to the
    /// previous comments watermark, and patches edited comments into indexed issues. On a cold index only page 1 is read,
    /// to set the watermark and cache its ETag, since every comment list was just fetched fresh.
    /// </summary>
    private async Task<DateTimeOffset?> RefreshEditedCommentsAsync(SnapshotIndex index, Dictionary<int, IndexedIssue> byNumber, CancellationToken cancellationToken)
    {
        var stop = index.CommentsWatermark;
        var watermark = stop;
        string? next = _client.Urls.RepoComments();
        var first = true;
        while (next is not null)
        {
            var (comments, response) = await _client.ListRepoCommentsPageAsync(next, cancellationToken);
            if (first && (response.NotModified || comments.Count == 0))
            {
                return watermark ?? DateTimeOffset.MinValue;
            }

            if (first)
            {
                watermark = comments[0].UpdatedAt;
            }

            first = false;
            if (stop is null)
            {
                break;
            }

            foreach (var comment in comments.Where(c => c.UpdatedAt >= stop))
            {
                if (byNumber.TryGetValue(comment.IssueNumber(), out var entry) && entry.Comments is { } known)
                {
                    var position = known.FindIndex(c => c.Id == comment.Id);
                    byNumber[entry.Issue.Number] = position >= 0
                        ? entry with { Comments = [.. known[..position], comment, .. known[(position + 1)..]] }
                        : entry with { Comments = null }; // unseen comment: refetch this issue's list next time
                }
            }

            next = comments[^1].UpdatedAt >= stop ? response.Next?.AbsoluteUri : null;
        }

        return watermark;
    }

    /// <summary>
    /// The walk can stop at an issue older than the watermark, or at one stamped exactly at it that the index already holds
    /// unchanged (timestamps have 1-second resolution, so many issues can share the watermark).
    /// </summary>
    private static bool ReachedKnown(IssueDto last, DateTimeOffset stop, SnapshotIndex? previous)
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
        return known is not null && known.UpdatedAt == last.UpdatedAt && known.Comments == last.Comments && known.State == last.State
            && (known.Labels ?? []).Select(l => l.Name).SequenceEqual((last.Labels ?? []).Select(l => l.Name));
    }

    /// <summary>
    /// Our own comment edits go straight into the index, so the next pass never reads a stale status comment even if
    /// GitHub did not move the issue's <c>updated_at</c> for the edit.
    /// </summary>
    private async Task PatchIndexedCommentAsync(int number, CommentDto updated, CancellationToken cancellationToken)
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
