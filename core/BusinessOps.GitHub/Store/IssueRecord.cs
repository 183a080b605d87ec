namespace BusinessOps.GitHub.Store;

/// <summary>An issue (or pull request) as the <see cref="SnapshotIndex"/> keeps it: only what a snapshot and the walks need.</summary>
internal sealed record IssueRecord(
    int Number,
    string Title,
    string Body,
    bool Closed,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Comments,
    bool IsPullRequest);
