namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.pull-request</c>: the branch (derived from the key when absent), its base, the files, the draft pull request.</summary>
internal sealed record PullRequestParameters(string? Branch, string? Base, string? Title, string? Body, IReadOnlyList<FileParameters>? Files);
