using System.Diagnostics;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Policies;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// The coordinator's real reconcile path against the fake GitHub: ONE auto-advancing clock shared by the fake, the store
/// and the reconciler (1 s write spacing and rate-limit waits cost no real time), a cache folder shared across runs
/// (as <c>actions/cache</c> keeps it), and a <see cref="RecordingExecutor"/>. Each <see cref="PassAsync"/> is a new run
/// (a new store, as each Actions job is a new process) and returns what it cost.
/// </summary>
public sealed class GitHubScenario : IAsyncDisposable
{
    private readonly string _cache;

    private GitHubScenario(AutoAdvanceClock clock, FakeGitHubServer server, string cache)
    {
        Clock = clock;
        Server = server;
        _cache = cache;
    }

    public AutoAdvanceClock Clock { get; }

    public FakeGitHubServer Server { get; }

    public RecordingExecutor Executor { get; } = new();

    /// <summary>Policies as the shell sets them for this repository.</summary>
    public PolicySet Policies => PolicySet.Default with { Repository = Server.Owner + "/" + Server.Repository };

    public static async Task<GitHubScenario> StartAsync(CancellationToken cancellationToken = default)
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeGitHubServer.StartAsync(clock, "acme/ops", cancellationToken: cancellationToken);

        // The figures are about request counts; the hourly quota is reported, not enforced, here (see docs/benchmarks/github.md).
        server.PrimaryLimit = int.MaxValue;
        var cache = Path.Combine(Path.GetTempPath(), "bo-scenarios", Guid.NewGuid().ToString("n"));
        return new GitHubScenario(clock, server, cache);
    }

    /// <summary>
    /// Each run gets a new token, as each GitHub Actions job gets a new <c>GITHUB_TOKEN</c> (and a GitHub App a new
    /// installation token): GitHub's ETags belong to the token, so nothing cached by an earlier run earns a 304.
    /// Default false: one token for every run (a personal access token, or a long-running <c>--monitor</c>).
    /// </summary>
    public bool NewTokenPerRun { get; set; }

    /// <summary>
    /// Store options of one run. The identity is configured (an Actions token resolves it without a request), so the
    /// counts are the reconcile's own.
    /// </summary>
    public GitHubOptions Options() => new()
    {
        Owner = Server.Owner,
        Repository = Server.Repository,
        ApiUrl = Server.BaseUrl,
        Token = NewTokenPerRun ? Server.NewJobToken() : Server.Token,
        Identity = Server.Login,
        CacheDirectory = _cache,
        RequestTimeout = TimeSpan.FromSeconds(30),

        // A long run (as --monitor is): the passes complete within the hourly write quota instead of deferring.
        RunBudget = RunBudget,
    };

    /// <summary>How long one run may wait for rate limits before it defers (fake time).</summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromDays(7);

    /// <summary>One coordinator run over every open issue (<c>run --once</c>), measured.</summary>
    public Task<PassFigures> PassAsync(string name, CancellationToken cancellationToken) =>
        MeasureAsync(name, (reconciler, ct) => reconciler.RunOnceAsync(ct), cancellationToken);

    /// <summary>Runs <paramref name="pass"/> with a fresh store and reconciler; counters start at zero.</summary>
    public async Task<PassFigures> MeasureAsync(string name, Func<Reconciler, CancellationToken, Task<PassResult>> pass, CancellationToken cancellationToken, ReconcileOptions? options = null)
    {
        using var store = new GitHubIssueStore(Options(), Clock);
        var reconciler = new Reconciler(store, Executor, Policies, Clock, options ?? new ReconcileOptions(Concurrency: 4, DryRun: false, DispatchImmediately: true), Log.Quiet);
        Server.Counters.Reset();
        var before = Server.Requests.Count;
        var dispatchedBefore = Executor.Dispatched.Count;
        var fakeStart = Clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var result = await pass(reconciler, cancellationToken);
        watch.Stop();
        if (result.Deferred || result.Failed > 0)
        {
            throw new InvalidOperationException($"{name}: pass deferred={result.Deferred} failed={result.Failed}");
        }

        var requests = Server.Requests;
        return new PassFigures(
            name,
            result.Examined,
            RequestBreakdown.Of([.. requests.Skip(before)]),
            Server.Counters.RateLimitCost,
            Server.Counters.NotModified,
            Server.Counters.SecondaryLimitResponses,
            reconciler.Store.Reads,
            reconciler.Store.Writes,
            Executor.Dispatched.Count - dispatchedBefore,
            watch.Elapsed,
            Clock.GetUtcNow() - fakeStart);
    }

    /// <summary>
    /// A webhook payload for issue <paramref name="number"/> as GitHub sends it: the issue object as the API returns it
    /// (fetched before any measured pass), the action and the sender.
    /// </summary>
    public async Task<string> PayloadAsync(string action, int number, string sender, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{Server.Owner}/{Server.Repository}/issues/{number}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var issue = await response.Content.ReadAsStringAsync(cancellationToken);
        return $"{{\"action\":\"{action}\",\"issue\":{issue},\"sender\":{{\"login\":\"{sender}\",\"type\":\"User\"}}}}";
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was cached.
        }
    }
}
