using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using BusinessOps.GitHub.Effects;
using BusinessOps.GitHub.Tests.Support;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>The fake GitHub, a store on it, and the GitHub effect connector on that store; builders for effect requests.</summary>
internal sealed class EffectHarness : IAsyncDisposable
{
    private EffectHarness(Harness inner, GitHubIssueStore store)
    {
        Inner = inner;
        Store = store;
        Connector = new GitHubEffectConnector(store);
    }

    public Harness Inner { get; }

    public FakeGitHubServer Server => Inner.Server;

    public GitHubIssueStore Store { get; }

    public GitHubEffectConnector Connector { get; }

    public static async Task<EffectHarness> StartAsync(Func<Harness, GitHubOptions>? options = null)
    {
        var inner = await Harness.StartAsync();
        return new EffectHarness(inner, inner.Store(options?.Invoke(inner)));
    }

    /// <summary>The execute-phase attempt key of issue <paramref name="issue"/>.</summary>
    public IdempotencyKey Attempt(int issue, int attempt = 1) => new(Server.Owner + "/" + Server.Repository, issue, attempt, IdempotencyKey.ExecutePhase);

    public EffectRequest Request(string kind, string target, JsonObject parameters, int issue, int index = 1, IReadOnlyList<EffectRecord>? earlier = null) =>
        new(Effect.Create(kind, target, parameters), new EffectKey(Attempt(issue), index), earlier ?? []);

    /// <summary>The requests the fake answered since <paramref name="from"/> (an index into <see cref="FakeGitHubServer.Requests"/>).</summary>
    public IReadOnlyList<FakeRequest> Since(int from) => [.. Server.Requests.Skip(from)];

    public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
}
