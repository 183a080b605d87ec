namespace BusinessOps.GitHub.Store;

/// <summary>
/// One issue in the <see cref="SnapshotIndex"/>, with its comments when fetched. <see cref="CommentsFor"/> is the
/// issue's <c>updated_at</c> and <see cref="CommentsCount"/> its <c>comments</c> count at that fetch: when both still
/// match, the comments are reused without a request.
/// </summary>
internal sealed record IndexedIssue(IssueRecord Issue, List<CommentRecord>? Comments, DateTimeOffset? CommentsFor, int CommentsCount);
