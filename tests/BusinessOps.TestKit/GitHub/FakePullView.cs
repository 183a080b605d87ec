namespace BusinessOps.TestKit.GitHub;

/// <summary>A read-only copy of one pull request on the fake server, for assertions.</summary>
public sealed record FakePullView(int Number, string Title, string Body, string Head, string HeadSha, string Base, bool Draft, string Author);
