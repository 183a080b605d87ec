using System.Text.Json;
using BusinessOps.Core;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

/// <summary><c>issues import --store github</c> against the fake GitHub on loopback: paced creates, the estimate first, authors in markers.</summary>
public sealed class IssuesCommandImportGitHubTests
{
    [Fact]
    public async Task Import_GitHub_EstimateFirstThenOneCreatePerIssue_RerunSkipsWhatExists()
    {
        await using var server = await FakeGitHubServer.StartAsync(new AutoAdvanceClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        using var cli = new IssuesCli(Environment(server, Path.Combine(Path.GetTempPath(), "businessops-import-gh-" + Guid.NewGuid().ToString("N"))));
        Directory.CreateDirectory(cli.Root);
        var file = Path.Combine(cli.Root, "in.jsonl");
        File.WriteAllLines(file, [Line(new { title = "From the old tracker", author = "alice", labels = new[] { "support/technical" } }), Line(new { title = "Mine", body = "text" }), Line(new { body = "no title" })]);

        var first = await cli.RunExactlyAsync("issues", "--store", "github", "import", file);
        var creates = server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal));
        var second = await cli.RunExactlyAsync("issues", "--store", "github", "import", file, "--skip-existing");

        Assert.Equal(ExitCodes.BadInput, first.ExitCode);
        Assert.StartsWith("import: 2 issues to file in acme/ops", first.Error, StringComparison.Ordinal);
        Assert.Contains("line 3: no title", first.Error, StringComparison.Ordinal);
        Assert.Equal(2, creates);
        var imported = server.GetIssue(1)!;
        Assert.Equal("From the old tracker", imported.Title);
        Assert.Equal(["support/technical"], imported.Labels);
        Assert.Contains("<!-- businessops:import {\"author\":\"alice\"} -->", imported.Body, StringComparison.Ordinal);
        Assert.Equal("text", server.GetIssue(2)!.Body);

        Assert.Equal(ExitCodes.BadInput, second.ExitCode);
        Assert.Contains("import: 0 issues to file", second.Error, StringComparison.Ordinal);
        Assert.Equal(creates, server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_GitHubNotConfigured_SaysWhatToSet()
    {
        using var cli = new IssuesCli(new Dictionary<string, string?>());
        Directory.CreateDirectory(cli.Root);
        var file = Path.Combine(cli.Root, "in.jsonl");
        File.WriteAllText(file, Line(new { title = "x" }));

        var run = await cli.RunExactlyAsync("issues", "--store", "github", "import", file);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Error);
        Assert.Contains("GITHUB_REPOSITORY", run.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(FakeGitHubServer server, string cache) => new()
    {
        ["GITHUB_TOKEN"] = server.Token,
        ["GITHUB_REPOSITORY"] = server.Owner + "/" + server.Repository,
        ["GITHUB_API_URL"] = server.BaseUrl.AbsoluteUri,
        ["BUSINESSOPS_GITHUB_CACHE_DIR"] = cache,
        ["BUSINESSOPS_GITHUB_WRITE_SPACING_MS"] = "0",
    };

    private static string Line(object value) => JsonSerializer.Serialize(value);
}
