namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.issue</c>: the new issue, and whether to make it a sub-issue of the target (default) or only link it.</summary>
internal sealed record IssueParameters(string? Title, string? Body, IReadOnlyList<string>? Labels, string? Estimate, bool? SubIssue);
