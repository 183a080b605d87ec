using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Client;
using BusinessOps.GitHub.Http;
using BusinessOps.GitHub.Tests.Support;
using BusinessOps.TestKit.GitHub;
using Xunit.Abstractions;

namespace BusinessOps.GitHub.Tests;

/// <summary>
/// Every client operation against Prism serving GitHub's official REST description: Prism answers 404/405/422 when a
/// request does not match the description (path, method, parameters, body schema), which the client turns into
/// exceptions; every example response must parse.
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

        var (issues, _) = await client.ListIssuesPageAsync(client.Urls.Issues("all", "priority/P0,status/queued", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var issue = await client.GetIssueAsync(1347, CancellationToken.None);
        var comments = await client.ListCommentsAsync(1347, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);
        var labels = await client.ListRepoLabelsAsync(CancellationToken.None);
        var permission = await client.GetPermissionAsync("octocat", CancellationToken.None);
        var user = await client.GetAuthenticatedUserAsync(CancellationToken.None);

        Assert.NotEmpty(issues);
        Assert.True(issue.Number > 0);
        Assert.NotEmpty(comments);
        Assert.NotEmpty(labels);
        Assert.NotNull(permission?.Permission);
        Assert.False(string.IsNullOrEmpty(user.Login));
    }

    [Fact]
    public async Task Writes_AcceptedByGitHubsDescription_AndParse()
    {
        using var connection = Connection();
        var client = new GitHubClient(connection);

        var created = await client.CreateIssueAsync("Weekly report", "body", ["analytics/reporting"], CancellationToken.None);
        var closed = await client.SetIssueStateAsync(1347, "closed", CancellationToken.None);
        var comment = await client.CreateCommentAsync(1347, "hello <!-- businessops:state {} -->", CancellationToken.None);
        var edited = await client.UpdateCommentAsync(42, "edited", CancellationToken.None);
        var added = await client.AddLabelsAsync(1347, ["status/queued", "priority/P1"], CancellationToken.None);
        var replaced = await client.ReplaceLabelsAsync(1347, ["status/done"], CancellationToken.None);
        await client.RemoveLabelAsync(1347, "status/queued", CancellationToken.None);
        var label = await client.CreateRepoLabelAsync(new LabelDefinition("status/queued", "0e8a16", "Waiting"), CancellationToken.None);
        var updated = await client.UpdateRepoLabelAsync(new LabelDefinition("status/queued", "fbca04", "Queued"), CancellationToken.None);
        await client.AddReactionAsync(42, "+1", CancellationToken.None);

        Assert.True(created.Number > 0);
        Assert.True(closed.Number > 0);
        Assert.True(comment.Id > 0);
        Assert.True(edited.Id > 0);
        Assert.NotEmpty(added);
        Assert.NotEmpty(replaced);
        Assert.False(string.IsNullOrEmpty(label.Name));
        Assert.False(string.IsNullOrEmpty(updated.Name));
        Assert.Equal(0, connection.Stats.SecondaryLimitResponses);
    }

    [Fact]
    public async Task AppEndpoints_AcceptedByGitHubsDescription_AndParse()
    {
        var (pem, _) = FakeGitHubServer.CreateAppKeyPair();
        using var connection = Connection(new GitHubAppCredentials(1, 2, pem));
        var client = new GitHubClient(connection);

        var app = await client.GetAppAsync(CancellationToken.None);
        var issue = await client.GetIssueAsync(1, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(app.Slug));
        Assert.True(issue.Number > 0);
        Assert.Equal(1, connection.Stats.Posts);
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
