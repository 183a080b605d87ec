namespace BusinessOps.GitHub.Json;

/// <summary>
/// The store's persisted view of the repository's issues, so an idle pass answers from here after 304s.
/// <see cref="Watermark"/>: the newest issue <c>updated_at</c> seen at the start of the last walk; every issue updated at
/// or after it is fetched on the next walk. <see cref="Floor"/>: the index holds every issue updated at or after it
/// (<see cref="DateTimeOffset.MinValue"/> = all of them). <see cref="CommentsWatermark"/>: the same for the
/// repository-wide comment walk that catches edited comments (an edit may not move the issue's <c>updated_at</c>).
/// </summary>
internal sealed record SnapshotIndex(int Version, string Repository, DateTimeOffset? Watermark, DateTimeOffset Floor, List<IndexedIssue> Issues, DateTimeOffset? CommentsWatermark = null)
{
    public const int CurrentVersion = 2;
}
