namespace BusinessOps.GitHub.Store;

/// <summary>
/// The store's persisted view of the repository's issues, so a pass reads only what changed.
/// <see cref="Watermark"/>: the newest issue <c>updated_at</c> seen; the next walk asks GitHub only for issues updated at
/// or after it (<c>since</c>). <see cref="Floor"/>: the index holds every issue updated at or after it
/// (<see cref="DateTimeOffset.MinValue"/> = all of them). <see cref="CommentsWatermark"/>: the same for the
/// repository-wide comment walk that catches edited comments (an edit may not move the issue's <c>updated_at</c>).
/// The index holds no token and no ETag, so it serves any token with access to the repository.
/// </summary>
internal sealed record SnapshotIndex(int Version, string Repository, DateTimeOffset? Watermark, DateTimeOffset Floor, List<IndexedIssue> Issues, DateTimeOffset? CommentsWatermark = null)
{
    public const int CurrentVersion = 3;
}
