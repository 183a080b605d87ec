using System.Net.Http.Headers;
using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Signing;

namespace BusinessOps.Aws.Http;

/// <summary>
/// The one request path to one AWS service: sign, send with a per-attempt timeout, map errors to typed exceptions,
/// retry throttling (and 5xx/timeouts of idempotent calls) with jittered backoff on the injected clock.
/// </summary>
internal sealed class AwsConnection(
    HttpClient http, string service, Uri endpoint, string region, IAwsCredentialSource credentials, TimeProvider clock, AwsClientOptions options)
{
    // Shared per connection so concurrent callers draw distinct jitter.
    private readonly Backoff _backoff = new(options);

    public string Service => service;

    public Uri Endpoint => endpoint;

    public async Task<AwsResponse> SendAsync(AwsCall call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(call, cancellationToken);
            }
            catch (AwsThrottledException e) when (attempt < options.MaxAttempts)
            {
                await Task.Delay(_backoff.Next(attempt, e.RetryAfter), clock, cancellationToken);
            }
            catch (AwsTransientException) when (call.Idempotent && attempt < options.MaxAttempts)
            {
                await Task.Delay(_backoff.Next(attempt, null), clock, cancellationToken);
            }
            catch (AwsThrottledException e)
            {
                throw new AwsThrottledException(
                    $"AWS {service} kept throttling {call.Operation} after {attempt} attempts ({e.Message}); the next pass retries.", e.ErrorCode, e.StatusCode, e.RetryAfter, e);
            }
        }
    }

    private async Task<AwsResponse> SendOnceAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetAsync(cancellationToken);
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
        var baseHeaders = new List<KeyValuePair<string, string>>(call.Headers ?? []);
        if (call.Body.Length > 0)
        {
            baseHeaders.Add(new("content-type", call.ContentType));
        }

        var now = clock.GetUtcNow();
        var signedHeaders = SigV4Signer.AddSigningHeaders(baseHeaders, host, now, keys.SessionToken, call.Body, includeContentSha256: false);
        var signature = SigV4Signer.Sign(new SigV4Request(call.Method.Method, call.Path, [], signedHeaders, call.Body), keys.AccessKeyId, keys.SecretAccessKey, region, service, now);

        using var request = new HttpRequestMessage(call.Method, new Uri(endpoint, call.Path));
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        foreach (var (name, value) in signedHeaders)
        {
            if (name is "host" or "content-type")
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (call.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(call.ContentType);
        }

        // The per-attempt timeout is a socket guard, not business time: it runs on the system timer so that a test's
        // virtual clock (which jumps ahead on every timer) cannot cancel requests that are still in flight.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout ?? options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (status is < 200 or >= 300)
            {
                throw AwsErrorMapper.Map(call, service, endpoint, status, response.Headers, contentType, body, credentials.Description);
            }

            if (LooksLikeHtml(contentType, body))
            {
                throw new AwsTransientException(
                    $"AWS {service} endpoint {endpoint.Authority} answered {call.Operation} with HTML, not AWS JSON (\"{AwsErrorMapper.Preview(body)}\"). "
                    + $"Check AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_{service.ToUpperInvariant()} and any proxy or captive portal in between.",
                    null,
                    status);
            }

            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            return new AwsResponse(status, body, requestId);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsTransientException(
                $"AWS {service} endpoint {endpoint.Authority} did not answer {call.Operation} within {(call.Timeout ?? options.RequestTimeout).TotalSeconds:0.#} s; the next pass retries.", null, null, e);
        }
        catch (HttpRequestException e)
        {
            throw new AwsTransientException($"Could not reach AWS {service} at {endpoint.Authority} for {call.Operation}: {e.Message}", null, null, e);
        }
    }

    private static bool LooksLikeHtml(string? contentType, byte[] body)
    {
        if (contentType is "text/html")
        {
            return true;
        }

        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }
}
