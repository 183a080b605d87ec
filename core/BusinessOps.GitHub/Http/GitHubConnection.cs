using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BusinessOps.Core.Scrubbing;
using BusinessOps.GitHub.Auth;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Json;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// The one request path to GitHub: base URL, headers, authentication (token or App), conditional GETs from the
/// ETag cache, rate-limit pacing (serialized writes spaced apart, bounded concurrent reads, waits on 403/429 and on
/// spent quotas, deferral past the run budget), transient retries, and typed errors. Every wait goes through the
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class GitHubConnection : IDisposable
{
    private readonly GitHubOptions _options;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly RequestPacer _pacer;
    private readonly EtagCache _etags;
    private readonly InstallationTokenCache? _installationTokens;
    private readonly Random _jitter;
    private readonly Lock _jitterGate = new();

    public GitHubConnection(GitHubOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _options = options;
        _clock = clock;
        _pacer = new RequestPacer(options, clock);
        _etags = new EtagCache(options.CacheDirectory);
#pragma warning disable CA5394 // Jitter only spreads retries; it is seeded so runs are reproducible, not a secret.
        _jitter = new Random(options.JitterSeed);
#pragma warning restore CA5394
        Masker.Add(options.Token);
        if (options.App is not null)
        {
            _installationTokens = new InstallationTokenCache(clock);
        }

        var baseUrl = options.ApiUrl.AbsoluteUri.EndsWith('/') ? options.ApiUrl : new Uri(options.ApiUrl.AbsoluteUri + "/");
        BaseAddress = baseUrl;
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseUrl;
        _http.Timeout = Timeout.InfiniteTimeSpan; // per-request timeouts are ours, so they can be retried
        // Prism and some proxies only speak application/json; GitHub answers both identically.
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>What this connection has sent so far.</summary>
    public GitHubStats Stats { get; } = new();

    /// <summary>The API base, always ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The rate-limit headers of the latest answer.</summary>
    public RateLimitInfo LastRateLimit { get; private set; } = RateLimitInfo.Empty;

    internal GitHubOptions Options => _options;

    // The process-wide masker: the tokens and JWTs this connection mints are masked in every log and store write too.
    internal SecretMasker Masker { get; } = SecretMasker.Process;

    public void Dispose()
    {
        _http.Dispose();
        _pacer.Dispose();
        _installationTokens?.Dispose();
    }

    internal async Task<GitHubResponse> SendAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseAddress, request.Url);
        var transientFailures = 0;
        var limitAnswers = 0;
        while (true)
        {
            // Authentication may itself send (App token refresh): resolve it before taking a gate.
            var authorization = await AuthorizationAsync(request, cancellationToken);
            await _pacer.EnterAsync(request.IsRead, cancellationToken);
            try
            {
                var outcome = await SendOnceAsync(request, uri, authorization, cancellationToken);
                if (outcome.Response is { } response)
                {
                    _pacer.Succeeded();
                    return response;
                }

                if (outcome.RateLimited)
                {
                    limitAnswers++;
                    var retryAt = _pacer.RateLimited(outcome.Limits!);
                    if (limitAnswers > _options.RateLimitRetries)
                    {
                        throw new GitHubRateLimitedException($"GitHub rate limit still in force after {limitAnswers} waits for {request.Method} {uri.AbsolutePath}; resume after {retryAt:u}.", outcome.Status, retryAt, outcome.Secondary);
                    }

                    Stats.CountRetry();
                    continue;
                }

                var retryable = request.Idempotent && outcome.Transient && transientFailures < _options.TransientRetries;
                if (!retryable)
                {
                    throw outcome.Error!;
                }
            }
            finally
            {
                _pacer.Leave(request.IsRead);
            }

            // Transient: back off outside the gate so other requests are not held up.
            transientFailures++;
            Stats.CountRetry();
            await Task.Delay(TransientDelay(transientFailures), _clock, cancellationToken);
        }
    }

    internal async Task<T> GetJsonAsync<T>(string url, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new GitHubRequest(HttpMethod.Get, url), cancellationToken);
        return Parse(response, type, url);
    }

    internal T Parse<T>(GitHubResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new GitHubTransientException(Masker.Mask($"GitHub answered {what} with JSON this client cannot read ({ex.Message.ReplaceLineEndings(" ")})."), response.Status, ex);
        }
    }

    private async Task<SendOutcome> SendOnceAsync(GitHubRequest request, Uri uri, string authorization, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization);
        var cacheKey = uri.AbsoluteUri;
        var cached = request.Conditional ? _etags.Get(cacheKey) : null;
        if (cached is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage httpResponse;
        byte[] body;
        Stats.CountRequest(request.Method);
        try
        {
            httpResponse = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            body = await httpResponse.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Failed(new GitHubTransientException($"GitHub did not answer {request.Method} {uri.AbsolutePath} within {_options.RequestTimeout.TotalSeconds:0.#} s; retry later.", null, ex), transient: true);
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Failed(new GitHubTransientException(Masker.Mask($"Could not reach GitHub at {BaseAddress.Host} for {request.Method} {uri.AbsolutePath}: {ex.Message.ReplaceLineEndings(" ")}"), null, ex), transient: true);
        }

        using (httpResponse)
        {
            var now = _clock.GetUtcNow();
            var limits = RateLimitInfo.Parse(httpResponse, now);
            LastRateLimit = limits;
            var status = httpResponse.StatusCode;
            Stats.CountAnswer(status == HttpStatusCode.NotModified);
            if (limits.Exhausted && limits.Reset is { } reset)
            {
                _pacer.Block(reset.AddSeconds(1));
            }

            var links = SameOrigin(LinkHeader.Parse(httpResponse.Headers.TryGetValues("Link", out var linkValues) ? string.Join(", ", linkValues) : null));
            if (status == HttpStatusCode.NotModified && cached is not null)
            {
                return SendOutcome.Ok(new GitHubResponse(HttpStatusCode.OK, cached.Body, NotModified: true, limits, links));
            }

            if ((int)status is >= 200 and < 300)
            {
                if (request.Conditional && httpResponse.Headers.ETag is { } etag)
                {
                    _etags.Put(cacheKey, etag.ToString(), body);
                }

                return SendOutcome.Ok(new GitHubResponse(status, body, NotModified: false, limits, links));
            }

            if (IsRateLimited(status, limits, body))
            {
                var secondary = !limits.Exhausted;
                Stats.CountLimit(secondary);
                return new SendOutcome(null, null, RateLimited: true, Secondary: secondary, Transient: false, status, limits);
            }

            var accepted = httpResponse.Headers.TryGetValues("x-accepted-github-permissions", out var permissionValues) ? permissionValues.FirstOrDefault() : null;
            var error = ErrorMapper.Map(status, body, request.Method.Method, uri.AbsolutePath, accepted, _options.Owner + "/" + _options.Repository);
            var masked = Masker.Mask(error.Message);
            if (masked != error.Message)
            {
                error = new GitHubTransientException(masked, status);
            }

            return SendOutcome.Failed(error, transient: (int)status >= 500);
        }
    }

    /// <summary>Pagination links are followed with the token attached, so only links back to the API's own origin are kept.</summary>
    private Dictionary<string, Uri> SameOrigin(IReadOnlyDictionary<string, Uri> links) =>
        links.Where(l => Uri.Compare(l.Value, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                && l.Value.AbsolutePath.StartsWith(BaseAddress.AbsolutePath, StringComparison.Ordinal))
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.OrdinalIgnoreCase);

    private static bool IsRateLimited(HttpStatusCode status, RateLimitInfo limits, byte[] body)
    {
        if (status == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (status != HttpStatusCode.Forbidden)
        {
            return false;
        }

        return limits.Exhausted || limits.RetryAfter is not null
            || System.Text.Encoding.UTF8.GetString(body).Contains("rate limit", StringComparison.OrdinalIgnoreCase);
    }

    private TimeSpan TransientDelay(int failures)
    {
        double jitter;
        lock (_jitterGate)
        {
#pragma warning disable CA5394 // See the constructor: seeded jitter, not security.
            jitter = _jitter.NextDouble() * 0.5;
#pragma warning restore CA5394
        }

        return _options.TransientBaseDelay * Math.Pow(2, failures - 1) * (1 + jitter);
    }

    private async ValueTask<string> AuthorizationAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        if (_options.App is not { } app)
        {
            return _options.Token!;
        }

        if (request.UseAppJwt)
        {
            var jwt = GitHubAppJwt.Create(app.AppId, app.PrivateKeyPem, _clock.GetUtcNow());
            Masker.Add(jwt);
            return jwt;
        }

        return await _installationTokens!.GetAsync(
            async ct =>
            {
                var response = await SendAsync(new GitHubRequest(HttpMethod.Post, ApiUrls.InstallationToken(app.InstallationId)) { UseAppJwt = true }, ct);
                var token = Parse(response, GitHubJson.Default.InstallationTokenDto, "the installation token request");
                Masker.Add(token.Token);

                // An unreadable expiry is treated as a short one (refreshed a minute from now), never as a long one.
                var expires = DateTimeOffset.TryParse(token.ExpiresAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : _clock.GetUtcNow().AddMinutes(6);
                return (token.Token, expires);
            },
            cancellationToken);
    }
}
