using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Client;
using BusinessOps.GitHub.Http;
using BusinessOps.GitHub.Tests.Support;
using BusinessOps.TestKit.GitHub;
using Xunit.Abstractions;

namespace BusinessOps.GitHub.Tests;

/// <summary>
/// Every client operation against Prism serving GitHub's official REST description: Prism answers 404/405/422 when a
/// request does not match the description (path, method, parameters, body schema, security), which the client turns
/// into exceptions (retries are off, so nothing is papered over); every schema-generated response must parse.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class ContractTests(PrismFixture prism, ITestOutputHelper output)
{
    [Fact]
    public async Task Reads_AcceptedByGitHubsDescription_AndParse()
    {
        output.WriteLine($"Prism started in {prism.StartupTime.TotalSeconds:0.0} s");
        using var connection = Connection();
        var client = new GitHubClient(connection);

        await client.ListIssuesPageAsync(client.Urls.Issues("all", "priority/P0,status/queued", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await client.ListIssuesPageAsync(client.Urls.Issues("open"), CancellationToken.None);
        await client.GetIssueAsync(1347, CancellationToken.None);
        await client.ListCommentsAsync(1347, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);
        await client.ListCommentsAsync(1347, null, CancellationToken.None);
        await client.ListRepoCommentsPageAsync(client.Urls.RepoComments(), CancellationToken.None);
        await client.ListRepoLabelsAsync(CancellationToken.None);
        await client.GetPermissionAsync("octocat", CancellationToken.None);
        await client.GetPermissionAsync("dependabot[bot]", CancellationToken.None);
        var user = await client.GetAuthenticatedUserAsync(CancellationToken.None);
        var members = await client.ListTeamMembersAsync("acme", "finance-managers", CancellationToken.None);

        Assert.NotNull(user.Login);
        Assert.NotNull(members);
        Assert.Equal(11, connection.Stats.Gets);
        Assert.Equal(0, connection.Stats.Retries);
    }

    [Fact]
    public async Task Writes_AcceptedByGitHubsDescription_AndParse()
    {
        using var connection = Connection();
        var client = new GitHubClient(connection);

        await client.CreateIssueAsync("Weekly report", "body", ["analytics/reporting"], CancellationToken.None);
        await client.SetIssueStateAsync(1347, "closed", CancellationToken.None);
        await client.SetIssueStateAsync(1347, "open", CancellationToken.None);
        await client.CreateCommentAsync(1347, "hello <!-- businessops:state {} -->", CancellationToken.None);
        await client.UpdateCommentAsync(42, "edited", CancellationToken.None);
        await client.AddLabelsAsync(1347, ["status/queued", "priority/P1"], CancellationToken.None);
        await client.ReplaceLabelsAsync(1347, ["status/done"], CancellationToken.None);
        await client.RemoveLabelAsync(1347, "status/queued", CancellationToken.None);
        await client.CreateRepoLabelAsync(new LabelDefinition("status/queued", "0e8a16", "Waiting"), CancellationToken.None);
        await client.UpdateRepoLabelAsync(new LabelDefinition("status/queued", "#fbca04", "Queued"), CancellationToken.None);
        await client.AddReactionAsync(42, "+1", CancellationToken.None);

        Assert.Equal(11, connection.Stats.Writes);
        Assert.Equal(0, connection.Stats.Retries);
    }

    [Fact]
    public async Task AppEndpoints_AcceptedByGitHubsDescription_AndParse()
    {
        var (pem, _) = FakeGitHubServer.CreateAppKeyPair();
        using var connection = Connection(new GitHubAppCredentials(1, 2, pem));
        var client = new GitHubClient(connection);

        await client.GetAppAsync(CancellationToken.None);
        await client.GetIssueAsync(1, CancellationToken.None);

        // GET /app, the installation token POST, then the issue with the installation token.
        Assert.Equal(1, connection.Stats.Posts);
        Assert.Equal(2, connection.Stats.Gets);
    }

    private GitHubConnection Connection(GitHubAppCredentials? app = null) => new(
        new GitHubOptions
        {
            Owner = "octocat",
            Repository = "hello-world",
            ApiUrl = prism.BaseUrl,
            Token = app is null ? "ghp_contractTestToken000000" : null,
            App = app,
            CacheDirectory = null,
            WriteSpacing = TimeSpan.Zero,
            TransientRetries = 0,
        },
        TimeProvider.System);
}
