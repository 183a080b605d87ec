namespace BusinessOps.GitHub.Json;

/// <summary>Body of comment create/update.</summary>
internal sealed record CommentBody(string Body);
