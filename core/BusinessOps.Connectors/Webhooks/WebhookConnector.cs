using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BusinessOps.Connectors.Webhooks;

/// <summary>
/// Delivers <c>webhook.*</c> effects as JSON POSTs signed per Standard Webhooks, the effect's key as
/// <c>webhook-id</c> (and <c>Idempotency-Key</c>) so a receiver drops a repeat. A 5xx answer or a timeout is retried
/// with exponential backoff (each attempt re-signed with its own timestamp); a 4xx answer fails at once with an excerpt
/// of the body; redirects are never followed (the signed body would go where policy did not say). A delivery that timed
/// out and never got an answer is reported <see cref="EffectStatus.Unknown"/>, not failed: the receiver may have it.
/// </summary>
public sealed class WebhookConnector : IEffectConnector
{
    /// <summary>Characters of a receiver's answer kept in an error.</summary>
    public const int ExcerptChars = 200;

    private const int MaxBodyBytes = 4096;
    private static readonly ProductInfoHeaderValue UserAgent = new("BusinessOps-Effects", "1.0");

    private readonly WebhookConnectorPolicy _policy;
    private readonly Dictionary<string, ResolvedEndpoint> _endpoints;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Resolves every endpoint's URL and secret from <paramref name="environment"/> (a variable's value by name) once.</summary>
    public WebhookConnector(WebhookConnectorPolicy policy, Func<string, string?> environment, HttpClient http, TimeProvider clock)
    {
        _policy = policy;
        _http = http;
        _clock = clock;
        _endpoints = policy.Endpoints.ToDictionary(e => e.Name, e => Resolve(e, environment), StringComparer.Ordinal);
        _pipeline = BuildPipeline(policy, clock);
    }

    /// <summary>One line per endpoint that cannot be used (missing secret, bad URL), for <c>coordinator doctor</c>.</summary>
    public IEnumerable<string> Problems => _endpoints.Values.Where(e => e.Problem is not null).Select(e => e.Problem!);

    /// <summary>Why the endpoint named <paramref name="name"/> cannot be used (missing secret, bad URL, not listed), or null.</summary>
    public string? EndpointProblem(string name) =>
        _endpoints.TryGetValue(name, out var endpoint) ? endpoint.Problem : $"no webhook endpoint named '{Core.Governance.MarkdownSafe.Inline(name, 60)}' in policies/connectors.yml";

    /// <summary>
    /// Where the endpoint named <paramref name="name"/> delivers, or null when it cannot be used — for <c>coordinator
    /// doctor</c>'s reachability check. A URL read from <c>urlEnv</c> is itself a secret: never print it.
    /// </summary>
    public Uri? EndpointUrl(string name) => _endpoints.TryGetValue(name, out var endpoint) ? endpoint.Url : null;

    public string? Unavailable(Effect effect)
    {
        if (!_policy.Enabled)
        {
            return "the webhook connector is not enabled in policies/connectors.yml";
        }

        if (!_endpoints.TryGetValue(effect.Target, out var endpoint))
        {
            return $"no webhook endpoint named '{Core.Governance.MarkdownSafe.Inline(effect.Target, 60)}' in policies/connectors.yml";
        }

        if (endpoint.Format == WebhookFormat.Slack && effect.Kind != EffectKinds.WebhookChat)
        {
            return $"webhook endpoint '{endpoint.Name}' is a chat (format: slack) endpoint, which takes only webhook.chat messages";
        }

        return endpoint.Problem;
    }

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (Unavailable(request.Effect) is { } problem)
        {
            return EffectOutcome.Failed(problem, permanent: true);
        }

        var endpoint = _endpoints[request.Effect.Target];
        var body = WebhookBody.Build(request.Effect, endpoint.Format, _clock.GetUtcNow());
        var delivery = new Delivery(this, endpoint, request.KeyText, body);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(static (d, token) => d.SendAsync(token), delivery, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return EffectOutcome.Unknown(string.Create(CultureInfo.InvariantCulture,
                $"'{endpoint.Name}' did not answer within {_policy.Timeout.TotalSeconds:0.#}s in {delivery.Attempts} attempt(s); it may have received webhook-id {request.KeyText}"));
        }
        catch (HttpRequestException ex)
        {
            var what = $"could not deliver to '{endpoint.Name}': {Reason(ex)}";
            return delivery.MaybeDelivered
                ? EffectOutcome.Unknown(what + "; an earlier attempt timed out and may have arrived")
                : EffectOutcome.Failed(what + " (nothing was delivered)", permanent: false);
        }

        using (response)
        {
            return await OutcomeAsync(endpoint, request.KeyText, delivery, response, cancellationToken);
        }
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (!_endpoints.TryGetValue(request.Effect.Target, out var endpoint) || endpoint.Problem is not null)
        {
            return EffectCheck.CannotTell("the endpoint is not usable");
        }

        if (endpoint.CheckUrl is null)
        {
            return EffectCheck.CannotTell($"webhook endpoint '{endpoint.Name}' has no checkUrl in connectors.yml");
        }

        var url = new Uri(endpoint.CheckUrl.OriginalString.Replace("%7Bkey%7D", "{key}", StringComparison.OrdinalIgnoreCase)
            .Replace("{key}", Uri.EscapeDataString(request.KeyText), StringComparison.Ordinal));
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        Sign(message, endpoint, request.KeyText, []);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_policy.Timeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => EffectCheck.Performed(Reference(endpoint, request.KeyText, response, await ReadExcerptAsync(response, timeout.Token))),
                HttpStatusCode.NotFound => EffectCheck.NotPerformed,
                _ => EffectCheck.CannotTell(string.Create(CultureInfo.InvariantCulture, $"the check answered {(int)response.StatusCode}")),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EffectCheck.CannotTell("the check failed: " + ex.Message);
        }
    }

    private async Task<EffectOutcome> OutcomeAsync(ResolvedEndpoint endpoint, string key, Delivery delivery, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        string excerpt;
        using (var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            read.CancelAfter(_policy.Timeout);
            excerpt = await ReadExcerptAsync(response, read.Token);
        }

        var answered = string.Create(CultureInfo.InvariantCulture, $"'{endpoint.Name}' answered {code} {response.ReasonPhrase}");
        var said = excerpt.Length == 0 ? string.Empty : ": " + Excerpt(excerpt);
        return code switch
        {
            >= 200 and < 300 => EffectOutcome.Done(Reference(endpoint, key, response, excerpt)),
            >= 300 and < 400 => EffectOutcome.Failed($"{answered} (a redirect to {response.Headers.Location?.GetLeftPart(UriPartial.Path) ?? "?"}); signed webhooks are not redirected: put the final URL in connectors.yml", permanent: true),

            // 408 and 429 say "later": not retried here (4xx), but a later attempt may succeed.
            408 or 429 => EffectOutcome.Failed(answered + said, permanent: false),
            >= 400 and < 500 => EffectOutcome.Failed(answered + said, permanent: true),
            _ when delivery.MaybeDelivered => EffectOutcome.Unknown(string.Create(CultureInfo.InvariantCulture, $"{answered} after {delivery.Attempts} attempts{said}; an earlier attempt timed out and may have arrived")),
            _ => EffectOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"{answered} after {delivery.Attempts} attempt(s){said}"), permanent: false),
        };
    }

    private void Sign(HttpRequestMessage message, ResolvedEndpoint endpoint, string key, byte[] body)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        message.Headers.UserAgent.Add(UserAgent);
        message.Headers.TryAddWithoutValidation(WebhookHeaders.Id, key);
        message.Headers.TryAddWithoutValidation(WebhookHeaders.IdempotencyKey, key);
        message.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        if (endpoint.Key is { } secret)
        {
            message.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSigner.Sign(secret, key, timestamp, body));
        }
    }

    private static string Reference(ResolvedEndpoint endpoint, string key, HttpResponseMessage response, string body)
    {
        var id = DeliveryId(body) ?? response.Headers.Location?.ToString() ?? key;
        return string.Create(CultureInfo.InvariantCulture, $"{endpoint.Name} {(int)response.StatusCode}: {id}");
    }

    // A receiver that answers {"id": "…"} names its delivery; that is the reference people look for.
    private static string? DeliveryId(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return string.Empty;
        }
    }

    private static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= ExcerptChars ? line : line[..ExcerptChars] + "…";
    }

    private static string Reason(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name does not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or could not be made",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed (check the certificate)",
        _ => ex.Message,
    };

    private static ResolvedEndpoint Resolve(WebhookEndpoint endpoint, Func<string, string?> environment)
    {
        var url = endpoint.Url;
        if (url is null && endpoint.UrlEnv is { } urlEnv)
        {
            var value = environment(urlEnv);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Broken(endpoint, $"webhook endpoint '{endpoint.Name}': the environment variable {urlEnv} (its URL) is not set");
            }

            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out url) || WebhookUrls.Problem(url) is not null)
            {
                // The URL may itself be a secret (chat webhooks): say what is wrong, never what it is.
                return Broken(endpoint, $"webhook endpoint '{endpoint.Name}': {urlEnv} does not hold an https URL (http is allowed only for loopback)");
            }
        }

        if (url is null)
        {
            return Broken(endpoint, $"webhook endpoint '{endpoint.Name}' has no url or urlEnv in policies/connectors.yml");
        }

        byte[]? key = null;
        if (endpoint.SecretEnv is { } secretEnv)
        {
            var secret = environment(secretEnv);
            if (string.IsNullOrWhiteSpace(secret))
            {
                return Broken(endpoint, $"webhook endpoint '{endpoint.Name}': the environment variable {secretEnv} (its whsec_ signing secret) is not set");
            }

            key = WebhookSigner.ParseSecret(secret.Trim());
            if (key is null)
            {
                return Broken(endpoint, $"webhook endpoint '{endpoint.Name}': {secretEnv} is not a Standard Webhooks secret (whsec_ followed by base64 of 24 to 64 bytes)");
            }
        }
        else if (endpoint.Format == WebhookFormat.Standard)
        {
            return Broken(endpoint, $"webhook endpoint '{endpoint.Name}' needs secretEnv: the name of the variable holding its whsec_ signing secret");
        }

        return new ResolvedEndpoint(endpoint.Name, endpoint.Format, url, key, endpoint.CheckUrl, null);
    }

    private static ResolvedEndpoint Broken(WebhookEndpoint endpoint, string problem) => new(endpoint.Name, endpoint.Format, null, null, null, problem);

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(WebhookConnectorPolicy policy, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (policy.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.Retries,
                Delay = policy.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Result: { } response } => (int)response.StatusCode >= 500,
                    _ => false,
                }),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        return builder.AddTimeout(policy.Timeout).Build();
    }

    // One delivery's attempts: each re-signed with its own timestamp; a timed-out attempt may have arrived.
    private sealed class Delivery(WebhookConnector owner, ResolvedEndpoint endpoint, string key, byte[] body)
    {
        public int Attempts { get; private set; }

        public bool MaybeDelivered { get; private set; }

        public async ValueTask<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url);
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            owner.Sign(message, endpoint, key, body);
            try
            {
                return await owner._http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Cancelled by the per-attempt timeout (or the caller): the request may have reached the receiver.
                MaybeDelivered = true;
                throw;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
            {
                MaybeDelivered = true;
                throw;
            }
        }
    }
}
