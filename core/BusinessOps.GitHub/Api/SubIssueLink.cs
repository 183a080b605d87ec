namespace BusinessOps.GitHub.Api;

/// <summary>Body of "add sub-issue": the child's id (not its number), as GitHub's description specifies. Octokit 14 has no sub-issues client.</summary>
internal sealed record SubIssueLink(long SubIssueId);
