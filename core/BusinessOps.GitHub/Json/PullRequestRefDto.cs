namespace BusinessOps.GitHub.Json;

/// <summary>Present on issues that are pull requests.</summary>
internal sealed record PullRequestRefDto(string? Url);
