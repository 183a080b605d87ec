namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.close</c>: GitHub's reason (<c>completed</c>, <c>not_planned</c>) and an optional closing comment.</summary>
internal sealed record CloseParameters(string? Reason, string? Comment);
