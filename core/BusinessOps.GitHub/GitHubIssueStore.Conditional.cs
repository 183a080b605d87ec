using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Store;
using IssueComment = BusinessOps.Core.Issues.IssueComment;

namespace BusinessOps.GitHub;

/// <summary>
/// Conditional writes on an API that has none (GitHub accepts no precondition on an edit). An edit is a read-compare-write
/// sent back to back inside the write slot: the window left is one round trip, in which another writer's edit can land
/// between the read and ours (docs/RELIABILITY.md). A post has no window: it is posted, then the issue's comments are read
/// back and the oldest comment carrying the marker wins (ids only grow, so every writer agrees which); a later duplicate
/// is deleted by its own writer.
/// </summary>
public sealed partial class GitHubIssueStore
{
    public async Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        using var slot = (await _api.Transport.HoldWriteAsync(cancellationToken)).Enter();
        CommentRecord current;
        try
        {
            current = SnapshotMapper.ToRecord(await _api.GetCommentAsync(expected.Id, cancellationToken));
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }

        // GitHub's updated_at has whole seconds: the body decides as well.
        if (current.UpdatedAt != expected.UpdatedAt || !string.Equals(current.Body, expected.Body, StringComparison.Ordinal))
        {
            return null;
        }

        if (string.Equals(current.Body, body, StringComparison.Ordinal))
        {
            return SnapshotMapper.ToComment(current);
        }

        return await UpdateCommentAsync(number, expected.Id, body, cancellationToken);
    }

    public async Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var identity = await ResolveIdentityAsync(cancellationToken);
        var posted = await AddCommentAsync(number, body, cancellationToken);
        var first = (await _api.ListCommentsAsync(number, cancellationToken))
            .Select(SnapshotMapper.ToRecord)
            .Where(c => c.Id != posted.Id && string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(marker, StringComparison.Ordinal))
            .Select(c => (long?)c.Id)
            .Min();
        if (first is null || first > posted.Id)
        {
            return posted;
        }

        await _api.DeleteCommentAsync(posted.Id, cancellationToken);
        return null;
    }
}
