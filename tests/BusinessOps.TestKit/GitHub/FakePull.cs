namespace BusinessOps.TestKit.GitHub;

/// <summary>What makes a fake issue a pull request: its head branch and commit, its base branch, whether it is a draft.</summary>
internal sealed record FakePull(string Head, string HeadSha, string Base, bool Draft);
