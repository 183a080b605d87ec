using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BusinessOps.Agents.Samples;
using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Execution;

/// <summary>
/// Warm workers against real processes: the real agents (built beside the tests) running their Lambda Runtime API loop
/// against the coordinator's loopback server, and shell scripts speaking that protocol with curl to crash, hang and err.
/// </summary>
[Collection("processes")]
public sealed class WarmWorkerTests : IDisposable
{
    private const string ValidResult = """{"agent":"ai-qa-agent","issue":4,"key":"local/ops#4/a1/plan","outcome":"completed","summary":"ok","confidence":1,"costUsd":0.002}""";

    private static readonly string BuiltAgents = typeof(WarmWorkerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AgentsDir").Value!;

    private readonly FakeAgentDirectory _agents = new();

    public void Dispose() => _agents.Dispose();

    private static LocalExecutor Executor(IReadOnlyList<string> directories, int recycleAfter = 1000, TimeSpan? timeout = null) =>
        new(new AgentLocator(directories), new LocalExecutorOptions(timeout ?? TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)) { Warm = true, RecycleAfter = recycleAfter }, TimeProvider.System, Log.Quiet);

    // The QA agent's own sample issue (a valid test report), so the real agent completes.
    private static readonly SampleIssue Sample = SampleIssues.Build(new DateOnly(2026, 11, 2)).First(s => s.Agent == AgentNames.Qa);

    private static DispatchRequest Request(int number, string? tenant = "acme", DispatchContext? context = null) =>
        new(
            $"local/ops#{number}/a1/plan", AgentNames.Qa, "local/ops",
            new IssueSnapshot(number, Sample.Title, Sample.Body, IssueState.Open, Sample.Labels, "dana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []),
            1, "plan", Priority.P2, tenant, context);

    /// <summary>A Runtime API client in sh + curl: saves each event, then runs <paramref name="answer"/> with $id and $n set.</summary>
    private void ScriptWorker(string answer)
    {
        _agents.Agent($$"""
            api="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
            n=0
            while :; do
              curl -sf -D {{_agents.File("headers")}} -o {{_agents.File("event")}} "$api/invocation/next" || exit 0
              id=$(grep -i '^lambda-runtime-aws-request-id:' {{_agents.File("headers")}} | cut -d' ' -f2 | tr -d '\r')
              n=$((n+1))
              echo "$n" >> {{_agents.File("count")}}
              {{answer}}
            done
            """);
    }

    private static string Respond(string json) => $"curl -sf -X POST --data-binary '{json}' \"$api/invocation/$id/response\" >/dev/null";

    [Fact]
    public async Task Dispatch_RealAgent_OneWorkerServesEveryIssueOfItsAgentAndClient()
    {
        using var executor = Executor([BuiltAgents]);

        var outcomes = new List<DispatchOutcome>();
        foreach (var number in new[] { 4, 5, 6 })
        {
            outcomes.Add(await executor.DispatchAsync(Request(number), CancellationToken.None));
        }

        Assert.All(outcomes, o => Assert.Equal(DispatchStatus.Completed, o.Status));
        Assert.Equal(["local/ops#4/a1/plan", "local/ops#5/a1/plan", "local/ops#6/a1/plan"], outcomes.Select(o => o.Result!.Key));
        Assert.Equal(1, executor.WorkersStarted);

        // Another client never shares a process with this one.
        var other = await executor.DispatchAsync(Request(7, tenant: "globex"), CancellationToken.None);
        Assert.Equal(DispatchStatus.Completed, other.Status);
        Assert.Equal(2, executor.WorkersStarted);
    }

    [Fact]
    public async Task Dispatch_RecycleAfterTwo_ThirdIssueStartsANewWorker()
    {
        ScriptWorker(Respond(ValidResult));
        using var executor = Executor([_agents.Path], recycleAfter: 2);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DispatchStatus.Completed, (await executor.DispatchAsync(Request(4), CancellationToken.None)).Status);
        }

        Assert.Equal(2, executor.WorkersStarted);
    }

    [Fact]
    public async Task Dispatch_EventCarriesTheIssueAndTheContext_AsTheLambdaFunctionGetsThem()
    {
        ScriptWorker(Respond(ValidResult));
        using var executor = Executor([_agents.Path]);
        var context = new DispatchContext { Client = new ClientProfile("acme") };

        var outcome = await executor.DispatchAsync(Request(4, context: context), CancellationToken.None);

        Assert.Equal(DispatchStatus.Completed, outcome.Status);
        using var ev = JsonDocument.Parse(await File.ReadAllTextAsync(_agents.File("event")));
        Assert.Equal("local/ops#4/a1/plan", ev.RootElement.GetProperty("key").GetString());
        Assert.Equal(AgentNames.Qa, ev.RootElement.GetProperty("agent").GetString());
        Assert.Equal(4, ev.RootElement.GetProperty("issueData").GetProperty("number").GetInt32());
        Assert.Equal("acme", ev.RootElement.GetProperty("context").GetProperty("client").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Dispatch_WorkerCrashesMidIssue_OnlyThatIssueFailsAndTheNextGetsANewWorker()
    {
        // The first worker dies on its first issue; the one after it answers.
        ScriptWorker($"if [ ! -f {_agents.File("crashed")} ]; then touch {_agents.File("crashed")}; echo 'agent blew up' >&2; exit 3; fi\n  {Respond(ValidResult)}");
        using var executor = Executor([_agents.Path]);

        var crashed = await executor.DispatchAsync(Request(4), CancellationToken.None);
        var next = await executor.DispatchAsync(Request(4), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, crashed.Status);
        Assert.False(crashed.Permanent);
        Assert.Contains("crashed with exit code 3", crashed.Error, StringComparison.Ordinal);
        Assert.Contains("agent blew up", crashed.Error, StringComparison.Ordinal);
        Assert.Equal(DispatchStatus.Completed, next.Status);
        Assert.Equal(2, executor.WorkersStarted);
    }

    [Fact]
    public async Task Dispatch_WorkerHangs_StoppedWithItsWholeProcessGroupAfterTheTimeout()
    {
        ScriptWorker($"sleep 300 & echo $! > {_agents.File("sleeper")}; wait");
        using var executor = Executor([_agents.Path], timeout: TimeSpan.FromSeconds(1));

        var outcome = await executor.DispatchAsync(Request(4), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.Contains("did not finish within", outcome.Error, StringComparison.Ordinal);
        var sleeper = int.Parse((await File.ReadAllTextAsync(_agents.File("sleeper"))).Trim(), CultureInfo.InvariantCulture);
        Assert.False(ProcessRunning(sleeper), "the worker's grandchild outlived the timeout");
    }

    [Fact]
    public async Task Dispatch_WorkerPostsAnError_FailedRetryablyAndTheWorkerIsRecycled()
    {
        ScriptWorker("curl -sf -X POST -H 'Lambda-Runtime-Function-Error-Type: Unhandled' --data-binary '{\"errorMessage\":\"disk full\",\"errorType\":\"IOException\"}' \"$api/invocation/$id/error\" >/dev/null");
        using var executor = Executor([_agents.Path]);

        var first = await executor.DispatchAsync(Request(4), CancellationToken.None);
        var second = await executor.DispatchAsync(Request(4), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, first.Status);
        Assert.False(first.Permanent);
        Assert.Contains("disk full", first.Error, StringComparison.Ordinal);
        Assert.Equal(DispatchStatus.Failed, second.Status);
        Assert.Equal(2, executor.WorkersStarted);
    }

    [Fact]
    public async Task Dispatch_BadInputResult_PermanentFailureAndTheWorkerIsKept()
    {
        const string BadInput = """{"agent":"ai-qa-agent","issue":4,"key":"local/ops#4/a1/plan","outcome":"failed","summary":"no test results","permanent":true,"confidence":1,"costUsd":0}""";
        ScriptWorker(Respond(BadInput));
        using var executor = Executor([_agents.Path]);

        var first = await executor.DispatchAsync(Request(4), CancellationToken.None);
        await executor.DispatchAsync(Request(4), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, first.Status);
        Assert.True(first.Permanent);
        Assert.Equal(AgentOutcome.Failed, first.Result!.Outcome);
        Assert.Equal(1, executor.WorkersStarted);
    }

    private static bool ProcessRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
