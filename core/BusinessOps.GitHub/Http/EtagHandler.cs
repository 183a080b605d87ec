using System.Net;
using System.Net.Http.Headers;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// Conditional GETs below Octokit: sends <c>If-None-Match</c> from the <see cref="EtagCache"/> and turns a 304 into the
/// cached 200 (body and <c>Link</c>), marked with <see cref="RevalidatedHeader"/>, so Octokit parses and pages it as usual
/// while GitHub charges nothing. Octokit's own <c>IResponseCache</c> seam (<c>CachingHttpClient</c>) is not used: it
/// saves fire-and-forget with errors swallowed (a short run can exit before its entries are written), and its storage
/// would be ours to serialize anyway; here the raw answer is cached once, for every path Octokit takes, paging included.
/// </summary>
internal sealed class EtagHandler(EtagCache cache) : DelegatingHandler
{
    /// <summary>Present (value <c>304</c>) on an answer served from the cache after GitHub said it had not changed.</summary>
    public const string RevalidatedHeader = "X-BusinessOps-Revalidated";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RequestKinds.IsRead(request.Method))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = request.RequestUri!.AbsoluteUri;
        var credential = EtagCache.Fingerprint(request.Headers.Authorization?.ToString());
        var cached = cache.Get(key);
        request.Headers.Remove("If-None-Match");

        // An ETag from another token can never match (GitHub's ETags belong to the token): ask plainly then.
        if (cached?.Credential != credential)
        {
            cached = null;
        }

        if (cached is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            return Revalidated(response, cached);
        }

        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null;
            cache.Put(key, new CachedResponse(etag.ToString(), credential, response.Content.Headers.ContentType?.ToString(), link, body));
        }

        return response;
    }

    private static HttpResponseMessage Revalidated(HttpResponseMessage notModified, CachedResponse cached)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = notModified.RequestMessage, Content = new ByteArrayContent(cached.Body) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(cached.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/json");
        foreach (var header in notModified.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (cached.Link is not null)
        {
            response.Headers.Remove("Link");
            response.Headers.TryAddWithoutValidation("Link", cached.Link);
        }

        response.Headers.TryAddWithoutValidation(RevalidatedHeader, "304");
        notModified.Dispose();
        return response;
    }
}
