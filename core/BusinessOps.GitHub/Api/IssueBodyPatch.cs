namespace BusinessOps.GitHub.Api;

/// <summary>Body of an issue edit that changes only its description (Octokit's <c>IssueUpdate</c> would also send <c>"milestone": null</c>).</summary>
internal sealed record IssueBodyPatch(string Body);
