using BusinessOps.Aws.Credentials;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests;

/// <summary>A fake AWS on loopback, a virtual clock, and executors wired to both the way production wires them.</summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private AwsHarness(FakeAwsServer server, AutoAdvanceClock clock, AwsClientOptions options, DispatchPolicy policy)
    {
        Server = server;
        Clock = clock;
        Options = options;
        Policy = policy;
        Executor = NewExecutor();
    }

    /// <summary>Small retries and a socket timeout generous enough for a loaded CI machine; pacing as in production.</summary>
    public static AwsClientOptions TestOptions { get; } = AwsClientOptions.Default with
    {
        MaxAttempts = 3,
        BaseBackoff = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(10),
        JitterSeed = 7,
    };

    public FakeAwsServer Server { get; }

    public AutoAdvanceClock Clock { get; }

    public AwsClientOptions Options { get; }

    public DispatchPolicy Policy { get; }

    public CloudExecutor Executor { get; }

    public static async Task<AwsHarness> StartAsync(AwsClientOptions? options = null, DispatchPolicy? policy = null)
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeAwsServer.StartAsync(clock);
        return new AwsHarness(server, clock, options ?? TestOptions, policy ?? DispatchPolicy.Default);
    }

    /// <summary>A fresh executor with its own connection pool: what a restarted coordinator process would build.</summary>
    public CloudExecutor NewExecutor(IAwsCredentialSource? credentials = null)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(http);
        return AwsExecutorFactory.Create(Server.Settings, credentials ?? Server.Credentials, Policy, Clock, Options, http);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }
}
