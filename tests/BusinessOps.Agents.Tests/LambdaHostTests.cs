using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>AgentHost inside Lambda: the Runtime API loop against a fake runtime on loopback, end to end.</summary>
public sealed class LambdaHostTests
{
    private const string Event = """
        {"key":"acme/ops#7/a1/plan","repository":"acme/ops","issue":7,"attempt":1,"phase":"plan","agent":"ai-security-agent","priority":"P0",
         "issueData":{"number":7,"title":"Scan config","body":"### Content\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE","state":"open","labels":[{"name":"security/compliance"}],
         "user":{"login":"dana"},"created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z"}}
        """;

    [Fact]
    public async Task RunLambdaAsync_EventWithIssue_PostsTheContractResult()
    {
        await using var runtime = await FakeLambdaRuntimeApi.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = runtime.Enqueue(Event, DateTimeOffset.UtcNow.AddMinutes(1));
        var loop = AgentHost.RunLambdaAsync("ai-security-agent", runtime.RuntimeApi, null, cts.Token);

        var outcome = await runtime.OutcomeAsync(id).WaitAsync(cts.Token);
        await cts.CancelAsync();
        await loop;

        Assert.False(outcome.IsError, outcome.Body);
        var result = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal("acme/ops#7/a1/plan", result.GetProperty("key").GetString());
        Assert.Equal("completed", result.GetProperty("outcome").GetString());
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLambdaAsync_StoreAlreadyHasTheResult_DoesNothing()
    {
        var clock = new FakeClock();
        var store = new InMemoryIssueStore(clock);
        var issue = await store.CreateIssueAsync(new Core.Ports.NewIssue("Scan", "### Content\n\nhello", ["security/compliance"]), CancellationToken.None);
        var key = $"local/ops#{issue.Number}/a1/plan";
        var first = await AgentHost.ProcessAsync("ai-security-agent", (await store.GetIssueAsync(issue.Number, CancellationToken.None))!, key, "plan", store, CancellationToken.None);
        var writes = store.Writes;
        var payload = JsonSerializer.Serialize(new { key, issue = issue.Number, phase = "plan", agent = "ai-security-agent" });

        var json = await Lambda.LambdaHandler.HandleAsync("ai-security-agent", new Lambda.LambdaInvocation("r1", payload, DateTimeOffset.UtcNow.AddMinutes(1), null, null), store, CancellationToken.None);

        Assert.Equal(writes, store.Writes);
        Assert.Contains(key, json, StringComparison.Ordinal);
        Assert.Single((await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Comments, c => Markers.Has(c.Body, Markers.ResultKind));
        Assert.Equal(0, first.ExitCode);
    }

    [Fact]
    public async Task HandleAsync_NoIssueAndNoStore_FailsWithActionableMessage()
    {
        var payload = """{"key":"a/b#1/a1/plan","issue":1,"phase":"plan","issueRef":{"repository":"a/b","number":1}}""";

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => Lambda.LambdaHandler.HandleAsync("ai-qa-agent", new Lambda.LambdaInvocation("r", payload, DateTimeOffset.UtcNow, null, null), null, CancellationToken.None));

        Assert.Contains("GITHUB_TOKEN", ex.Message, StringComparison.Ordinal);
    }
}
