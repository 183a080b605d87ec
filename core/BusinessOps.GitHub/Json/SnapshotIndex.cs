namespace BusinessOps.GitHub.Json;

/// <summary>
/// The store's persisted view of the repository's issues, so an idle pass answers from here after one 304.
/// <see cref="Watermark"/>: the newest <c>updated_at</c> seen at the start of the last walk; every issue updated at or
/// after it is fetched on the next walk. <see cref="Floor"/>: the index holds every issue updated at or after it
/// (<see cref="DateTimeOffset.MinValue"/> = all of them).
/// </summary>
internal sealed record SnapshotIndex(int Version, string Repository, DateTimeOffset? Watermark, DateTimeOffset Floor, List<IndexedIssue> Issues)
{
    public const int CurrentVersion = 1;
}
