namespace BusinessOps.GitHub.Api;

/// <summary>Body of an issue edit that changes its title and description only (no milestone, labels or assignees).</summary>
internal sealed record IssueTextPatch(string Title, string Body);
