namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.commit-status</c>: a status for the head commit of the target pull request.</summary>
internal sealed record CommitStatusParameters(string? State, string? Context, string? Description, string? TargetUrl);
