namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.comment</c>: the comment's Markdown.</summary>
internal sealed record CommentParameters(string? Body);
