namespace BusinessOps.GitHub.Http;

/// <summary>One cached GET answer: what a 304 stands for (the body, and the pagination links that came with it).</summary>
internal sealed record CachedResponse(string ETag, string? ContentType, string? Link, byte[] Body);
