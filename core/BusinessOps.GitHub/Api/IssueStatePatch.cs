namespace BusinessOps.GitHub.Api;

/// <summary>Body of an issue close/reopen: the state and nothing else (see <see cref="GitHubApi.SetIssueStateAsync"/>).</summary>
internal sealed record IssueStatePatch(string State);
