using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests.Support;

/// <summary>A fake GitHub on loopback, an auto-advancing clock, a temp cache folder, and stores pointed at them.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly List<GitHubIssueStore> _stores = [];

    private Harness(AutoAdvanceClock clock, FakeGitHubServer server, string cacheDirectory)
    {
        Clock = clock;
        Server = server;
        CacheDirectory = cacheDirectory;
    }

    public AutoAdvanceClock Clock { get; }

    public FakeGitHubServer Server { get; }

    public string CacheDirectory { get; }

    public static async Task<Harness> StartAsync(string pathBase = "")
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeGitHubServer.StartAsync(clock, pathBase: pathBase);
        var cache = Path.Combine(Path.GetTempPath(), "bo-gh-tests", Guid.NewGuid().ToString("n"));
        return new Harness(clock, server, cache);
    }

    public GitHubOptions Options(string? token = null) => new()
    {
        Owner = Server.Owner,
        Repository = Server.Repository,
        ApiUrl = Server.BaseUrl,
        Token = token ?? Server.Token,
        CacheDirectory = CacheDirectory,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A new store: a new run sharing the on-disk cache of the previous ones.</summary>
    public GitHubIssueStore Store(GitHubOptions? options = null)
    {
        var store = new GitHubIssueStore(options ?? Options(), Clock);
        _stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        await Server.DisposeAsync();
        try
        {
            Directory.Delete(CacheDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was cached.
        }
    }
}
