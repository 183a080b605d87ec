using System.Net;

namespace BusinessOps.GitHub.Http;

/// <summary>A successful answer: the body (from cache on 304), rate-limit headers and pagination links.</summary>
internal sealed record GitHubResponse(HttpStatusCode Status, byte[] Body, bool NotModified, RateLimitInfo RateLimit, IReadOnlyDictionary<string, Uri> Links)
{
    public Uri? Next => Links.GetValueOrDefault("next");
}
