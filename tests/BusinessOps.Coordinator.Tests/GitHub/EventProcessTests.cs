using System.Text.Json.Nodes;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;
using Xunit;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary><c>coordinator run --event FILE</c> as a child process against the fake GitHub: events it must not act on.</summary>
public sealed class EventProcessTests
{
    [Fact]
    public async Task RunEvent_SentByCoordinatorIdentity_IgnoredWithNoticeAndNoWrite()
    {
        await using var server = await FakeGitHubServer.StartAsync(new AutoAdvanceClock());
        server.SeedIssue("Invoice", labels: ["finance/analysis", "priority/P1"]);
        var payload = await PayloadAsync("issues", "opened", p => p["sender"]!["login"] = server.Login);

        var run = await CoordinatorProcess.RunEventAsync(server, "issues", payload);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("own identity", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Counters.Writes);
        Assert.Empty(server.GetIssue(1)!.Comments);
    }

    [Fact]
    public async Task RunEvent_PullRequestEvent_ExitZeroWithNoticeAndNoRequest()
    {
        await using var server = await FakeGitHubServer.StartAsync(new AutoAdvanceClock());
        var payload = await PayloadAsync("issue_comment", "created", p => p["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" });

        var run = await CoordinatorProcess.RunEventAsync(server, "issue_comment", payload);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("pull request", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Counters.Requests);
    }

    [Fact]
    public async Task RunEventDryRun_RealIssueOpenedPayload_PrintsActionsAndWritesNothing()
    {
        await using var server = await FakeGitHubServer.StartAsync(new AutoAdvanceClock());
        server.SeedIssue("Invoice", labels: ["finance/analysis", "priority/P1"]);
        var payload = await PayloadAsync("issues", "opened", p => p["issue"]!["labels"] = new JsonArray(new JsonObject { ["name"] = "finance/analysis" }, new JsonObject { ["name"] = "priority/P1" }));

        var run = await CoordinatorProcess.RunEventAsync(server, "issues", payload, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("#1 dispatch ai-finance-agent", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, server.Counters.Writes);
    }

    private static async Task<string> PayloadAsync(string eventName, string action, Action<JsonNode> change)
    {
        var payload = JsonNode.Parse((await WebhookExamples.LoadAsync(eventName, action))[0])!;
        change(payload);
        return payload.ToJsonString();
    }
}
