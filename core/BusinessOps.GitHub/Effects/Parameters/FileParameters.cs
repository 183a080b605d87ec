namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary>One file of a <c>github.pull-request</c>: its path in the repository and its text.</summary>
internal sealed record FileParameters(string? Path, string? Content);
