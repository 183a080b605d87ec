using BusinessOps.Core.Ports;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Contract;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.Contract;

/// <summary>
/// The <see cref="IIssueStore"/> contract on the GitHub store over the fake GitHub (loopback Kestrel): one fresh repository per case.
/// </summary>
public sealed class GitHubIssueStoreContractTests : IssueStoreContract, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _servers = [];
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "bo-contract-" + Guid.NewGuid().ToString("n"));

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    protected override async Task<IIssueStore> CreateStoreAsync()
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeGitHubServer.StartAsync(clock, "acme/ops");
        _servers.Add(server);
        return new GitHubIssueStore(
            new GitHubOptions
            {
                Owner = server.Owner,
                Repository = server.Repository,
                ApiUrl = server.BaseUrl,
                Token = server.Token,
                Identity = server.Login,
                CacheDirectory = Path.Combine(_cache, Guid.NewGuid().ToString("n")),
                RequestTimeout = TimeSpan.FromSeconds(30),
            },
            clock);
    }
}
