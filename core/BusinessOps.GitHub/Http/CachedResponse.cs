namespace BusinessOps.GitHub.Http;

/// <summary>
/// One cached GET answer: what a 304 stands for (the body, and the pagination links that came with it), and
/// <see cref="Credential"/>, a fingerprint of the credential it was fetched with (GitHub's ETags belong to the token).
/// </summary>
internal sealed record CachedResponse(string ETag, string Credential, string? ContentType, string? Link, byte[] Body);
