using System.Net;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// Next to the socket: counts what reached GitHub and what it answered (<see cref="GitHubStats"/>), buffers the answer
/// (so the request timeout covers the body), and tells the pacer when the primary quota is spent.
/// </summary>
internal sealed class CountingHandler(GitHubStats stats, RequestPacer pacer, TimeProvider clock, HttpMessageHandler inner, bool ownsInner) : HttpMessageHandler
{
    // A handler passed in by the caller (tests, proxies) is theirs to dispose.
    private readonly HttpMessageInvoker _inner = new(inner, disposeHandler: ownsInner);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.CountRequest(request.Method);
        var response = await _inner.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var limits = RateLimitInfo.Parse(response, clock.GetUtcNow());
        stats.CountAnswer(response.StatusCode == HttpStatusCode.NotModified);
        if (limits.Exhausted && limits.Reset is { } reset)
        {
            pacer.Block(reset.AddSeconds(1));
        }

        if ((int)response.StatusCode is 403 or 429 && limits.IsLimitAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)))
        {
            stats.CountLimit(secondary: !limits.Exhausted);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
