namespace BusinessOps.GitHub.Json;

/// <summary>Body of reaction create.</summary>
internal sealed record ReactionBody(string Content);
