namespace BusinessOps.TestKit.GitHub;

/// <summary>A Git commit on the fake server: its message, tree and parent (null for the first commit).</summary>
public sealed record FakeCommit(string Sha, string Message, string Tree, string? Parent, string Author);
