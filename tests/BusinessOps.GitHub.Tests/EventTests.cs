using System.Text.Json;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Events;
using BusinessOps.GitHub.Tests.Support;
using BusinessOps.TestKit;

namespace BusinessOps.GitHub.Tests;

public sealed class EventTests
{
    public static TheoryData<string, string> Examples()
    {
        // Real payloads from @octokit/webhooks-examples (installed by NodeTools / setup.sh).
        var modules = NpmTools.NodeModulesAsync().GetAwaiter().GetResult();
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(modules, "@octokit", "webhooks-examples", "api.github.com", "index.json")));
        var data = new TheoryData<string, string>();
        foreach (var webhook in index.RootElement.EnumerateArray())
        {
            var name = webhook.GetProperty("name").GetString()!;
            if (name is not ("issues" or "issue_comment"))
            {
                continue;
            }

            foreach (var example in webhook.GetProperty("examples").EnumerateArray())
            {
                data.Add(name, example.GetRawText());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_RealWebhookExamples_AllFieldsMapped(string eventName, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        var parsed = GitHubEvents.Parse(json, eventName);
        var inferred = GitHubEvents.Parse(json, null);

        Assert.Equal(eventName, parsed.EventName);
        Assert.Equal(eventName, inferred.EventName);
        Assert.Equal(root.GetProperty("action").GetString(), parsed.Action);
        Assert.Equal(root.GetProperty("issue").GetProperty("number").GetInt32(), parsed.IssueNumber);
        Assert.Equal(parsed.IssueNumber, parsed.Issue.Number);
        Assert.Equal(root.GetProperty("sender").GetProperty("login").GetString(), parsed.SenderLogin);
        Assert.Equal(root.GetProperty("issue").TryGetProperty("pull_request", out _), parsed.IsPullRequest);
        Assert.Equal(root.GetProperty("issue").TryGetProperty("labels", out var labels) ? labels.GetArrayLength() : 0, parsed.Issue.Labels.Count);
        Assert.Empty(parsed.Issue.Comments);
        Assert.Equal(root.GetProperty("issue").GetProperty("comments").GetInt32(), parsed.CommentCount);
        Assert.Equal(eventName == GitHubEvents.IssueComment, parsed.Comment is not null);
    }

    [Fact]
    public void Parse_Examples_CoverTheActionsTheCoordinatorHandles()
    {
        var actions = Examples().Select(row => (string)row[0] + "." + GitHubEvents.Parse((string)row[1], (string)row[0]).Action).ToHashSet();

        Assert.Superset(new HashSet<string> { "issues.opened", "issues.edited", "issues.labeled", "issues.unlabeled", "issues.reopened", "issue_comment.created" }, actions);
    }

    [Fact]
    public void Parse_BotSender_Flagged()
    {
        var json = Payload("\"sender\":{\"login\":\"businessops[bot]\",\"type\":\"Bot\"}");

        var parsed = GitHubEvents.Parse(json, "issues");

        Assert.True(parsed.SenderIsBot);
        Assert.Equal("businessops[bot]", parsed.SenderLogin);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"action\":\"opened\",\"issue\":{\"title\":\"x\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}", "issue.number")]
    [InlineData("{\"issue\":{\"number\":1,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}", "'action'")]
    public void Parse_Bad_OneLineError(string json, string expected)
    {
        var ex = Assert.Throws<GitHubEventException>(() => GitHubEvents.Parse(json, "issues"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(ex.IsUnsupportedEvent);
    }

    [Fact]
    public void Parse_OtherEvent_Unsupported()
    {
        var ex = Assert.Throws<GitHubEventException>(() => GitHubEvents.Parse("{\"ref\":\"refs/heads/main\"}", "push"));

        Assert.True(ex.IsUnsupportedEvent);
    }

    [Fact]
    public void Parse_IssueCommentWithoutComment_Error()
    {
        var ex = Assert.Throws<GitHubEventException>(() => GitHubEvents.Parse(Payload("\"sender\":{\"login\":\"a\"}"), "issue_comment"));

        Assert.Contains("'comment'", ex.Message, StringComparison.Ordinal);
    }

    private static string Payload(string extra) =>
        "{\"action\":\"opened\",\"issue\":{\"number\":5,\"title\":\"t\",\"body\":null,\"state\":\"open\",\"labels\":[{\"name\":\"priority/P1\"}],\"user\":{\"login\":\"ann\",\"type\":\"User\"},\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"comments\":0}," + extra + "}";

    [Fact]
    public async Task CompleteAsync_NoComments_NoRequest_WithComments_OneRead()
    {
        await using var h = await Harness.StartAsync();
        var quiet = h.Server.SeedIssue("quiet");
        var busy = h.Server.SeedIssue("busy");
        h.Server.SeedComment(busy, "mia", "/approve");
        var store = h.Store();

        var first = await store.CompleteAsync(GitHubEvents.Parse(Payload(quiet, 0), "issues"), CancellationToken.None);
        Assert.Equal(0, h.Server.Counters.Requests);
        var second = await store.CompleteAsync(GitHubEvents.Parse(Payload(busy, 1), "issues"), CancellationToken.None);

        Assert.Empty(first.Comments);
        Assert.Equal("/approve", Assert.Single(second.Comments).Body);
        Assert.Equal(1, h.Server.Counters.Requests);
    }

    private static string Payload(int number, int comments) =>
        "{\"action\":\"opened\",\"issue\":{\"number\":" + number + ",\"title\":\"t\",\"state\":\"open\",\"labels\":[],\"user\":{\"login\":\"ann\"},\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"comments\":" + comments + "},\"sender\":{\"login\":\"ann\"}}";
}
