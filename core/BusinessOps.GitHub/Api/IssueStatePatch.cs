namespace BusinessOps.GitHub.Api;

/// <summary>
/// Body of an issue close/reopen: the state and, when closing with a reason (<c>completed</c>, <c>not_planned</c>), the
/// reason; nothing else (see <see cref="GitHubApi.SetIssueStateAsync"/>). Octokit leaves a null reason out.
/// </summary>
internal sealed record IssueStatePatch(string State, string? StateReason = null);
