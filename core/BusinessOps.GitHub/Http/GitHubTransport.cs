using System.Net;
using BusinessOps.Core.Scrubbing;
using Octokit;
using Octokit.Internal;

namespace BusinessOps.GitHub.Http;

/// <summary>
/// What sits under Octokit: one handler chain per store (pacing and retries → ETag revalidation → counting → socket)
/// and the Octokit clients built on it. Octokit builds the requests and parses the answers; everything GitHub's
/// rate-limit guidance asks of a client, and the figures the benchmarks report, stay here.
/// </summary>
internal sealed class GitHubTransport : IDisposable
{
    private readonly GitHubOptions _options;
    private readonly RequestPacer _pacer;
    private readonly PacingHandler _chain;
    private readonly List<IHttpClient> _clients = [];

    public GitHubTransport(GitHubOptions options, TimeProvider clock, HttpMessageHandler? handler)
    {
        options.Validate();
        _options = options;
        BaseAddress = options.ApiUrl.AbsoluteUri.EndsWith('/') ? options.ApiUrl : new Uri(options.ApiUrl.AbsoluteUri + "/");
        _pacer = new RequestPacer(options, clock);
        var socket = handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        var counting = new CountingHandler(Stats, _pacer, clock, socket, ownsInner: handler is null);
        Cache = new EtagCache(options.CacheDirectory);
        _chain = new PacingHandler(options, BaseAddress, clock, _pacer, Stats) { InnerHandler = new EtagHandler(Cache) { InnerHandler = counting } };
        Masker.Add(options.Token);
    }

    /// <summary>The API base, always ending with '/' (GitHub Enterprise Server: <c>https://HOST/api/v3/</c>).</summary>
    public Uri BaseAddress { get; }

    public GitHubStats Stats { get; } = new();

    /// <summary>The answers kept for conditional requests.</summary>
    public EtagCache Cache { get; }

    /// <summary>The process-wide masker: the tokens and JWTs minted here are masked in every log line and store write too.</summary>
    public SecretMasker Masker { get; } = SecretMasker.Process;

    /// <summary>
    /// An Octokit client on this transport. Built on <see cref="Connection"/> directly, not on the
    /// <c>GitHubClient(…, Uri)</c> constructor, which rewrites any host other than github.com to <c>/api/v3/</c>:
    /// the configured <c>GITHUB_API_URL</c> is used exactly as given.
    /// </summary>
    public GitHubClient CreateClient(ICredentialStore credentials)
    {
        var http = new HttpClientAdapter(() => new SharedHandler(_chain));

        // Per-attempt timeouts and the run budget are the pacing handler's; HttpClient's 100 s default would cut waits short.
        http.SetRequestTimeout(Timeout.InfiniteTimeSpan);
        _clients.Add(http);
        return new GitHubClient(new Connection(new ProductHeaderValue(_options.UserAgent), BaseAddress, credentials, http, new SimpleJsonSerializer()));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _chain.Dispose();
        _pacer.Dispose();
    }
}
