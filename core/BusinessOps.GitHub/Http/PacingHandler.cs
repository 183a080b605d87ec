using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// The outermost of our handlers under Octokit: GitHub's rate-limit guidance and our retry policy for every request
/// Octokit sends. Takes a read or write slot from the <see cref="RequestPacer"/>; bounds each attempt by
/// <see cref="GitHubOptions.RequestTimeout"/>; waits out 403/429 rate-limit answers (retry-after, reset, or ≥ 60 s
/// doubling) and gives up with <see cref="GitHubRateLimitedException"/>; retries 5xx, timeouts and network failures of
/// idempotent requests with jittered backoff; and refuses to send credentials outside the API's origin (Octokit follows
/// <c>Link</c> headers as given). Every wait goes through the injected clock.
/// </summary>
internal sealed class PacingHandler(GitHubOptions options, Uri baseAddress, TimeProvider clock, RequestPacer pacer, GitHubStats stats) : DelegatingHandler
{
    private readonly Random _jitter = CreateJitter(options.JitterSeed);
    private readonly Lock _jitterGate = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, AmbientCancellation.Current);
        var ct = linked.Token;
        var uri = request.RequestUri!;
        var what = request.Method + " " + uri.AbsolutePath;
        if (!uri.AbsoluteUri.StartsWith(baseAddress.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
        {
            throw new GitHubTransientException($"GitHub pointed {what} at {uri.Host}, outside {baseAddress.Host}; not followed (the token is only sent to the API).", null);
        }

        SetHeaders(request);
        var isRead = RequestKinds.IsRead(request.Method);
        var idempotent = RequestKinds.IsIdempotent(request.Method, uri.AbsolutePath);
        var transientFailures = 0;
        var limitAnswers = 0;
        while (true)
        {
            await pacer.EnterAsync(isRead, ct);
            try
            {
                var response = await AttemptAsync(request, what, ct);
                if (response.Response is { } answer)
                {
                    var limits = RateLimitInfo.Parse(answer, clock.GetUtcNow());
                    if (limits.IsLimitAnswer(answer.StatusCode, await answer.Content.ReadAsStringAsync(ct)))
                    {
                        var status = answer.StatusCode;
                        answer.Dispose();
                        limitAnswers++;
                        var retryAt = pacer.RateLimited(limits);
                        if (limitAnswers > options.RateLimitRetries)
                        {
                            throw new GitHubRateLimitedException($"GitHub rate limit still in force after {limitAnswers} waits for {what}; resume after {retryAt:u}.", status, retryAt, secondary: !limits.Exhausted);
                        }

                        stats.CountRetry();
                        continue;
                    }

                    if ((int)answer.StatusCode < 500 || !idempotent || transientFailures >= options.TransientRetries)
                    {
                        pacer.Succeeded();
                        DropForeignLinks(answer);
                        return answer;
                    }

                    answer.Dispose();
                }
                else if (!idempotent || transientFailures >= options.TransientRetries)
                {
                    throw response.Failure!;
                }
            }
            finally
            {
                pacer.Leave(isRead);
            }

            // Transient: back off outside the slot so other requests are not held up.
            transientFailures++;
            stats.CountRetry();
            await Task.Delay(TransientDelay(transientFailures), clock, ct);
        }
    }

    private static Random CreateJitter(int seed)
    {
#pragma warning disable CA5394 // Jitter only spreads retries; it is seeded so runs are reproducible, not a secret.
        return new Random(seed);
#pragma warning restore CA5394
    }

    private static void SetHeaders(HttpRequestMessage request)
    {
        // GitHub's media type first; Prism and some proxies only speak application/json (GitHub answers both alike).
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");

        // Octokit labels its JSON bodies application/x-www-form-urlencoded (GitHub reads them as JSON regardless); say
        // what they are, so a proxy or a validator (Prism) that goes by the header reads them right.
        if (request.Content?.Headers.ContentType is { MediaType: "application/x-www-form-urlencoded" })
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
    }

    /// <summary>
    /// Octokit follows <c>Link</c> pages with the token attached: a <c>Link</c> naming any URL outside the API's origin is
    /// dropped (the listing then ends there), so the token is never offered elsewhere.
    /// </summary>
    private void DropForeignLinks(HttpResponseMessage answer)
    {
        if (!answer.Headers.TryGetValues("Link", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            for (var open = value.IndexOf('<', StringComparison.Ordinal); open >= 0; open = value.IndexOf('<', open + 1))
            {
                var close = value.IndexOf('>', open + 1);
                if (close < 0 || !value[(open + 1)..close].Trim().StartsWith(baseAddress.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
                {
                    answer.Headers.Remove("Link");
                    return;
                }
            }
        }
    }

    /// <summary>One try, bounded by the request timeout; a timeout or a network failure comes back as a transient failure.</summary>
    private async Task<(HttpResponseMessage? Response, Exception? Failure)> AttemptAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            return (await base.SendAsync(request, timeout.Token), null);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return (null, new GitHubTransientException($"GitHub did not answer {what} within {options.RequestTimeout.TotalSeconds:0.#} s; retry later.", null, ex));
        }
        catch (HttpRequestException ex)
        {
            return (null, new GitHubTransientException($"Could not reach GitHub at {baseAddress.Host} for {what}: {ex.Message.ReplaceLineEndings(" ")}", null, ex));
        }
    }

    private TimeSpan TransientDelay(int failures)
    {
        double jitter;
        lock (_jitterGate)
        {
#pragma warning disable CA5394 // See CreateJitter: seeded jitter, not security.
            jitter = _jitter.NextDouble() * 0.5;
#pragma warning restore CA5394
        }

        return options.TransientBaseDelay * Math.Pow(2, failures - 1) * (1 + jitter);
    }
}
