namespace BusinessOps.GitHub.Json;

/// <summary>Body of issue create.</summary>
internal sealed record NewIssueBody(string Title, string Body, IReadOnlyList<string> Labels);
