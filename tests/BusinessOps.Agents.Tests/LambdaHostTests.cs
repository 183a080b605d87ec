using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Lambda;
using BusinessOps.Agents.Security;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>AgentHost inside Lambda: the Runtime API loop against a fake runtime on loopback, end to end. No store, no credential.</summary>
public sealed class LambdaHostTests
{
    private const string Event = """
        {"key":"acme/ops#7/a1/plan","repository":"acme/ops","issue":7,"attempt":1,"phase":"plan","agent":"ai-security-agent","priority":"P0",
         "issueData":{"number":7,"title":"Scan config","body":"### Content\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE","state":"open","labels":[{"name":"security/compliance"}],
         "user":{"login":"dana"},"created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z"}}
        """;

    private static LambdaInvocation Invocation(string payload) => new("r1", payload, DateTimeOffset.UtcNow.AddMinutes(1), null, null);

    [Fact]
    public async Task RunLambdaAsync_EventWithIssue_ResponseIsTheContractResult()
    {
        await using var runtime = await FakeLambdaRuntimeApi.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = runtime.Enqueue(Event, DateTimeOffset.UtcNow.AddMinutes(1));
        var loop = AgentHost.RunLambdaAsync(Agents.All, runtime.RuntimeApi, null, TimeProvider.System, cts.Token);

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
    public async Task HandleAsync_EventContext_HandedToTheAgent()
    {
        var payload = """
            {"key":"acme/ops#8/a1/plan","issue":8,"phase":"plan","agent":"ai-manager-agent",
             "issueData":{"number":8,"title":"widget","body":"### Request\n\nthe widget outage"},
             "context":{"policies":{"triage":[{"label":"finance/analysis","agent":"ai-finance-agent","keywords":["widget"]}]}}}
            """;

        var json = await LambdaHandler.HandleAsync(Agents.All, Invocation(payload), TimeProvider.System, CancellationToken.None);

        Assert.Equal("finance/analysis", JsonDocument.Parse(json).RootElement.GetProperty("outputs").GetProperty("suggestedLabel").GetString());
    }

    [Fact]
    public async Task HandleAsync_EventBuiltByTheCoordinatorsExecutors_TheAgentGetsItsContext()
    {
        // The builder LambdaExecutor and the warm local workers share: whatever it writes, the agents' loop must read.
        var issue = new IssueSnapshot(8, "widget", "### Request\n\nthe widget outage", IssueState.Open, ["management/oversight"], "dana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        var context = new DispatchContext { Policies = new AgentPolicies { Triage = [new TriageRoute("finance/analysis", "ai-finance-agent", ["widget"])] } };
        var request = new DispatchRequest("acme/ops#8/a1/plan", "ai-manager-agent", "acme/ops", issue, 1, "plan", Priority.P0, null, context);
        var payload = System.Text.Encoding.UTF8.GetString(LambdaEvent.Build(request, 128 * 1024)!);

        var json = await LambdaHandler.HandleAsync(Agents.All, Invocation(payload), TimeProvider.System, CancellationToken.None);

        Assert.Equal("finance/analysis", JsonDocument.Parse(json).RootElement.GetProperty("outputs").GetProperty("suggestedLabel").GetString());
    }

    [Fact]
    public async Task HandleAsync_BadIssueData_FailedPermanentResultNotAnError()
    {
        var payload = """{"key":"a/b#1/a1/plan","issue":1,"agent":"ai-security-agent","issueData":{"number":2}}""";

        var json = await LambdaHandler.HandleAsync(Agents.All, Invocation(payload), TimeProvider.System, CancellationToken.None);

        var result = JsonDocument.Parse(json).RootElement;
        Assert.Equal("failed", result.GetProperty("outcome").GetString());
        Assert.True(result.GetProperty("permanent").GetBoolean());
    }

    [Fact]
    public async Task HandleAsync_NoIssueInEvent_SaysTheCoordinatorMustSendIt()
    {
        var payload = """{"key":"a/b#1/a1/plan","issue":1,"phase":"plan","agent":"ai-qa-agent","issueRef":{"repository":"a/b","number":1}}""";

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => LambdaHandler.HandleAsync(Agents.All, Invocation(payload), TimeProvider.System, CancellationToken.None));

        Assert.Contains("agents hold no store or GitHub credential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AgentThisHostDoesNotServe_NamesTheCommandToUse()
    {
        var payload = Event.Replace("ai-security-agent", AgentNames.Qa, StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => LambdaHandler.HandleAsync([new SecurityAgent()], Invocation(payload), TimeProvider.System, CancellationToken.None));

        Assert.Contains("this function serves ai-security-agent, not 'ai-qa-agent'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ai-agents", ex.Message, StringComparison.Ordinal);
    }
}
