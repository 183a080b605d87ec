using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>What a plan's author and an operator see when a GitHub effect cannot be performed: one line, what to fix, nothing half done.</summary>
public sealed class EffectFailureTests
{
    [Fact]
    public async Task PullRequest_TokenWithoutContentsWrite_PermanentFailureNamesThePermission()
    {
        await using var h = await EffectHarness.StartAsync(inner => inner.Options(inner.Server.FineGrainedToken(("issues", "write"), ("metadata", "read"), ("contents", "read"), ("pull_requests", "write"))));
        h.Server.Login = "businessops-bot";
        var n = h.Server.SeedIssue("Choose a queue");

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubPullRequest, "#" + n, PullRequestEffectTests.Adr("adr/7"), n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("the token lacks contents: write on acme/ops", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", outcome.Error, StringComparison.Ordinal);
        Assert.Single(h.Server.Branches);
    }

    [Fact]
    public async Task Deployment_AppNotGrantedDeployments_PermanentFailureNamesThePermission()
    {
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        await using var h = await EffectHarness.StartAsync(inner =>
        {
            inner.Server.App = (777, publicPem);
            return inner.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) };
        });
        var n = h.Server.SeedIssue("Release");

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubDeployment, "production", new JsonObject { ["ref"] = "main" }, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("was not granted metadata: read, deployments: write", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(h.Server.Deployments);
    }

    [Fact]
    public async Task PullRequest_AppGrantedContentsAndPulls_UsesATokenNarrowedToThem()
    {
        var (privatePem, publicPem) = FakeGitHubServer.CreateAppKeyPair();
        await using var h = await EffectHarness.StartAsync(inner =>
        {
            inner.Server.App = (777, publicPem);
            inner.Server.AppPermissions["contents"] = "write";
            inner.Server.AppPermissions["pull_requests"] = "write";
            inner.Server.Login = "businessops[bot]";
            return inner.Options() with { Token = null, App = new GitHubAppCredentials(777, 42, privatePem) };
        });
        var n = h.Server.SeedIssue("Choose a queue");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, PullRequestEffectTests.Adr("adr/7"), n);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        var token = Assert.Single(h.Server.InstallationTokens, t => t.Permissions.ContainsKey("contents"));
        Assert.Equal(new Dictionary<string, string> { ["metadata"] = "read", ["contents"] = "write", ["pull_requests"] = "write" }, token.Permissions);
    }

    [Fact]
    public async Task Router_ParameterFailsItsSchema_RefusedBeforeAnyRequest()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var parameters = PullRequestEffectTests.Adr("feature..x");
        using var set = ConnectorSet.Create(ConnectorsPolicy.Default, new ConnectorOptions(_ => null, TimeProvider.System, LocalExecutor: false, GitHub: h.Connector));
        var before = h.Server.Requests.Count;

        var outcome = await set.Router.PerformAsync(h.Request(EffectKinds.GitHubPullRequest, "#" + n, parameters, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("github.pull-request: 'parameters.branch'", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(h.Since(before));
    }

    [Fact]
    public async Task Router_GitHubConnectorRegistered_RoutesGitHubKindsToIt()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Lead");
        using var set = ConnectorSet.Create(ConnectorsPolicy.Default, new ConnectorOptions(_ => null, TimeProvider.System, LocalExecutor: false, GitHub: h.Connector));

        var outcome = await set.Router.PerformAsync(h.Request(EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("sales/lead") }, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal(["sales/lead"], h.Server.GetIssue(n)!.Labels);
        Assert.Null(set.Router.Unavailable(Effect.Create(EffectKinds.GitHubClose, "#1", new JsonObject { ["reason"] = "completed" })));
    }

    [Fact]
    public async Task Connector_KindOfAnotherConnector_FailsWithoutRequests()
    {
        await using var h = await EffectHarness.StartAsync();
        var effect = Effect.Create(EffectKinds.EmailSend, "a@example.com", new JsonObject { ["subject"] = "x", ["body"] = "y" });

        var outcome = await h.Connector.PerformAsync(new EffectRequest(effect, new EffectKey(h.Attempt(1), 1), []), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.Contains("not an effect the GitHub connector performs", h.Connector.Unavailable(effect), StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Check_GitHubUnreachable_CannotTellNeverNotPerformed()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Ticket");
        await h.Store.ResolveIdentityAsync(CancellationToken.None);
        h.Server.Faults.FailNext(10, 503, "GET");

        var check = await h.Connector.CheckAsync(h.Request(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "x" }, n), CancellationToken.None);

        Assert.Equal(EffectPresence.CannotTell, check.Presence);
        Assert.Contains("503", check.Detail, StringComparison.Ordinal);
    }
}
