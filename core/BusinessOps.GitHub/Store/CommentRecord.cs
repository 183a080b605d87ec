namespace BusinessOps.GitHub.Store;

/// <summary>An issue comment as the <see cref="SnapshotIndex"/> keeps it.</summary>
internal sealed record CommentRecord(long Id, string Author, bool AuthorIsBot, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
