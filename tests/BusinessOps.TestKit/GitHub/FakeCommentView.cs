namespace BusinessOps.TestKit.GitHub;

/// <summary>A read-only copy of one comment on the fake server, for assertions.</summary>
public sealed record FakeCommentView(long Id, string Author, string Body);
