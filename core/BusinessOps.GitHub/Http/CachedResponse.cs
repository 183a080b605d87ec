namespace BusinessOps.GitHub.Http;

/// <summary>One cached GET answer.</summary>
internal sealed record CachedResponse(string ETag, byte[] Body);
