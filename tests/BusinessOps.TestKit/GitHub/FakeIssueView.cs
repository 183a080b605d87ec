namespace BusinessOps.TestKit.GitHub;

/// <summary>A read-only copy of one issue on the fake server, for assertions.</summary>
public sealed record FakeIssueView(int Number, string Title, string Body, bool Closed, IReadOnlyList<string> Labels, IReadOnlyList<FakeCommentView> Comments, DateTimeOffset UpdatedAt, int? Parent = null, string? StateReason = null);
