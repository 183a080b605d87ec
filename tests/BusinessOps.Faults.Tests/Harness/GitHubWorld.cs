using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// The fake GitHub of the test kit (Kestrel on loopback) with an auto-advancing clock shared by the fake and every store,
/// so write pacing costs no real time. Each store is a new run with its own cache folder, as concurrent Actions jobs are.
/// </summary>
internal sealed class GitHubWorld : World
{
    private readonly string _caches = Path.Combine(Path.GetTempPath(), "bo-faults", Guid.NewGuid().ToString("n"));
    private readonly AutoAdvanceClock _clock;

    private GitHubWorld(AutoAdvanceClock clock, FakeGitHubServer server)
    {
        _clock = clock;
        Server = server;
        Policies = PolicySet.Default with { Repository = server.Owner + "/" + server.Repository };
    }

    public FakeGitHubServer Server { get; }

    public override TimeProvider Clock => _clock;

    public override PolicySet Policies { get; }

    public override string Identity => Server.Login;

    public static async Task<GitHubWorld> StartAsync()
    {
        var clock = new AutoAdvanceClock();
        var server = await FakeGitHubServer.StartAsync(clock, "acme/ops");
        server.PrimaryLimit = int.MaxValue;
        return new GitHubWorld(clock, server);
    }

    public override Task<IReadOnlyList<int>> FileAsync(int count)
    {
        var numbers = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            numbers.Add(Server.SeedIssue("Operation " + (i + 1), "### Details\n\nFiled by the fault harness.", Routes.LabelsFor(i)));
        }

        return Task.FromResult<IReadOnlyList<int>>(numbers);
    }

    public override IIssueStore OpenStore() => new GitHubIssueStore(
        new GitHubOptions
        {
            Owner = Server.Owner,
            Repository = Server.Repository,
            ApiUrl = Server.BaseUrl,
            Token = Server.Token,
            Identity = Server.Login,
            CacheDirectory = Path.Combine(_caches, Guid.NewGuid().ToString("n")),
            RunBudget = TimeSpan.FromDays(7),
        },
        _clock);

    public override void Advance(TimeSpan by) => _clock.Advance(by);

    public override async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_caches, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was cached.
        }
    }
}
