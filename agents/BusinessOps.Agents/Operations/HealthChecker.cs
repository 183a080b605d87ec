using System.Net.Sockets;
using BusinessOps.Core.Agents;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// Real HTTP GET checks, concurrent but bounded. An unreachable, failing, timed-out or refused (network policy) endpoint
/// is a <c>down</c> finding, never an exception. Redirects are not followed (a 3xx answer is "up").
/// </summary>
internal sealed class HealthChecker(HttpMessageHandler handler, TimeProvider time)
{
    /// <summary>A checker whose connections obey <paramref name="policy"/> (see <see cref="EgressGuard"/>).</summary>
    public static HealthChecker For(NetworkPolicy policy, TimeProvider time) => new(EgressGuard.Handler(policy), time);

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
            return new EndpointCheck(url.ToString(), state, code, ms, state == "down" ? $"HTTP {code}" : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), $"timed out after {options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex) when (ex.InnerException is EgressRefusedException refused)
        {
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), "refused: " + refused.Message);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException se ? se.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
            return new EndpointCheck(url.ToString(), "down", null, Elapsed(), "unreachable: " + reason);
        }
    }
}
