using System.Net.Sockets;
using BusinessOps.Core.Agents;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Real HTTP GET checks, concurrent but bounded. An unreachable, failing, timed-out or refused (network policy) endpoint
/// is a <c>down</c> finding, never an exception. Redirects are not followed (a 3xx answer is "up").
/// </summary>
internal sealed class HealthChecker(HttpMessageHandler handler, TimeProvider time, TlsProbe? tls = null)
{
    /// <summary>
    /// A checker whose connections obey <paramref name="policy"/> (see <see cref="EgressGuard"/>) and that records each
    /// certificate's expiry; <paramref name="extraRoots"/> trusts a private CA besides the system's roots.
    /// </summary>
    public static HealthChecker For(NetworkPolicy policy, TimeProvider time, System.Security.Cryptography.X509Certificates.X509Certificate2Collection? extraRoots = null)
    {
        var tls = new TlsProbe(extraRoots);
        return new(EgressGuard.Handler(policy, tls), time, tls);
    }

    public async Task<IReadOnlyList<EndpointCheck>> CheckAsync(IReadOnlyList<Uri> endpoints, HealthCheckOptions options, CancellationToken cancellationToken)
    {
        // Timeouts are per request (linked tokens), so the client's own timeout is off.
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("BusinessOps-HealthCheck/1.0");
        var results = new EndpointCheck[endpoints.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, endpoints.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await CheckOneAsync(client, endpoints[i], options, ct));
        return results;
    }

    private async Task<EndpointCheck> CheckOneAsync(HttpClient client, Uri url, HealthCheckOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var start = time.GetTimestamp();
        long Elapsed() => (long)time.GetElapsedTime(start).TotalMilliseconds;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var ms = Elapsed();
            var code = (int)response.StatusCode;
            var state = code is >= 200 and < 400 ? (ms <= options.LatencyBudget.TotalMilliseconds ? "up" : "slow") : "down";
            return new EndpointCheck(url.ToString(), state, code, ms, state == "down" ? $"HTTP {code}" : null) { CertificateExpires = Expiry(url) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), $"timed out after {options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex) when (ex.InnerException is EgressRefusedException refused)
        {
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), "refused: " + refused.Message);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.SecureConnectionError && Expiry(url) is { } expires && expires <= time.GetUtcNow())
        {
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), $"TLS certificate expired on {expires:yyyy-MM-dd}") { CertificateExpires = expires };
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException se ? se.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), "unreachable: " + reason) { CertificateExpires = Expiry(url) };
        }
    }

    private DateTimeOffset? Expiry(Uri url) => url.Scheme == Uri.UriSchemeHttps ? tls?.ExpiryOf(url.IdnHost.Trim('[', ']')) : null;
}
