using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
/// The local executor against real child processes (shell scripts standing in for agents): process groups, SIGTERM and
/// grace, concurrent bounded draining, bad input without a result, what the agent is handed and what it is not.
/// </summary>
[Collection("processes")]
public sealed class LocalExecutorTests : IDisposable
{
    private const string Key = "local/ops#4/a1/plan";
    private const string ValidResult = """{"agent":"ai-qa-agent","issue":4,"key":"local/ops#4/a1/plan","outcome":"completed","summary":"ok","confidence":1,"costUsd":0.002}""";

    private readonly FakeAgentDirectory _agents = new();

    public void Dispose() => _agents.Dispose();

    private LocalExecutor Executor(TimeSpan? timeout = null, TimeSpan? grace = null) =>
        new(new AgentLocator([_agents.Path]), new LocalExecutorOptions(timeout ?? TimeSpan.FromSeconds(30), grace ?? TimeSpan.FromSeconds(5)), TimeProvider.System, Log.Quiet);

    private static DispatchRequest Request(DispatchContext? context = null) =>
        new(Key, AgentNames.Qa, "local/ops", new IssueSnapshot(4, "QA", "### Test results\n\nx", IssueState.Open, ["dev/qa"], "dana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []),
            1, "plan", Priority.P2, "acme", context);

    /// <summary>
    /// True while the process runs: it exists, is not a zombie and has not begun exiting (PF_EXITING, 0x4, in the flags
    /// field of <c>/proc/PID/stat</c>) — the executor returns once the group's pipes closed, which a process does as it exits.
    /// </summary>
    private static bool Alive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] != "Z" && (long.Parse(fields[6], CultureInfo.InvariantCulture) & 0x4) == 0;
    }

    private int ReadPid(string file) => int.Parse(File.ReadAllText(_agents.File(file)).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Dispatch_ValidResult_CompletedWithTheContextEnvelopeOnStdinAndNoStore()
    {
        _agents.Agent($"echo \"$@\" > {_agents.File("args")}\ncat > {_agents.File("stdin")}\necho '{ValidResult}'");
        var context = new DispatchContext { Client = new ClientProfile("acme") };

        var outcome = await Executor().DispatchAsync(Request(context), CancellationToken.None);

        Assert.Equal(DispatchStatus.Completed, outcome.Status);
        var args = await File.ReadAllTextAsync(_agents.File("args"));
        Assert.Contains("--issue-data - --context -", args, StringComparison.Ordinal);
        Assert.DoesNotContain("--store", args, StringComparison.Ordinal);
        using var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(_agents.File("stdin")));
        Assert.Equal(4, envelope.RootElement.GetProperty("issue").GetProperty("number").GetInt32());
        Assert.Equal("acme", envelope.RootElement.GetProperty("context").GetProperty("client").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Dispatch_CredentialsInTheCoordinatorsEnvironment_NotHandedToTheAgent()
    {
        const string Name = "BUSINESSOPS_TEST_GITHUB_TOKEN";
        Environment.SetEnvironmentVariable(Name, "ghp_should_not_leak");
        try
        {
            _agents.Agent($"cat > /dev/null\nenv > {_agents.File("env")}\necho '{ValidResult}'");

            await Executor().DispatchAsync(Request(), CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, null);
        }

        var env = await File.ReadAllTextAsync(_agents.File("env"));
        Assert.DoesNotContain("ghp_should_not_leak", env, StringComparison.Ordinal);
        Assert.Contains("BUSINESSOPS_KEY=" + Key, env, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_TenMegabytesOfStderrThenAResult_Completed()
    {
        // Before: past 64 KB of stderr nobody read the pipe, the agent blocked writing and was killed as a timeout.
        _agents.Agent($"cat > /dev/null\nhead -c 10485760 /dev/zero | tr '\\0' e >&2\necho '{ValidResult}'");

        var outcome = await Executor(timeout: TimeSpan.FromSeconds(60)).DispatchAsync(Request(), CancellationToken.None);

        Assert.True(outcome.Status == DispatchStatus.Completed, outcome.Error);
        Assert.Equal("ok", outcome.Result!.Summary);
    }

    [Fact]
    public async Task Dispatch_AgentLeavesADetachedGrandchild_GrandchildKilled()
    {
        // Before: ( sleep 300 & ) survived the tree kill under PID 1 and held the agent's pipes.
        _agents.Agent($"cat > /dev/null\n( sleep 300 & echo $! > {_agents.File("grandchild")} )\necho '{ValidResult}'");

        var outcome = await Executor().DispatchAsync(Request(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Completed, outcome.Status);
        Assert.False(Alive(ReadPid("grandchild")), "the detached grandchild is still running: " + File.ReadAllText($"/proc/{ReadPid("grandchild")}/stat"));
    }

    [Fact]
    public async Task Dispatch_Timeout_SigtermFirstAndTheAgentExitsCleanly()
    {
        _agents.Agent($"cat > /dev/null\ntrap 'echo stopped > {_agents.File("term")}; exit 143' TERM\nsleep 300 &\nwait");

        var outcome = await Executor(timeout: TimeSpan.FromSeconds(1), grace: TimeSpan.FromSeconds(20)).DispatchAsync(Request(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.StartsWith("ai-qa-agent did not finish within 1 s and was stopped (SIGTERM", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("stopped", (await File.ReadAllTextAsync(_agents.File("term"))).Trim());
    }

    [Fact]
    public async Task Dispatch_AgentIgnoresSigterm_KilledWithItsGroupAfterTheGrace()
    {
        _agents.Agent($"cat > /dev/null\ntrap '' TERM\necho $$ > {_agents.File("agent")}\nsleep 300 &\necho $! > {_agents.File("child")}\nwait");
        var watch = Stopwatch.StartNew();

        var outcome = await Executor(timeout: TimeSpan.FromSeconds(1), grace: TimeSpan.FromSeconds(2)).DispatchAsync(Request(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(3), $"killed after {watch.Elapsed}, before the grace ended");
        Assert.False(Alive(ReadPid("agent")));
        Assert.False(Alive(ReadPid("child")));
    }

    [Fact]
    public async Task Dispatch_Cancelled_StopsTheAgentAndThrows()
    {
        // The agent announces itself through a FIFO: reading it waits for the agent, no polling.
        using (var mkfifo = Process.Start("mkfifo", _agents.File("started")))
        {
            await mkfifo.WaitForExitAsync();
        }

        _agents.Agent($"cat > /dev/null\necho $$ > {_agents.File("started")}\nsleep 300 &\nwait");
        using var cts = new CancellationTokenSource();
        var dispatch = Executor().DispatchAsync(Request(), cts.Token);
        var pid = int.Parse((await File.ReadAllTextAsync(_agents.File("started"))).Trim(), CultureInfo.InvariantCulture);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);
        Assert.False(Alive(pid));
    }

    [Fact]
    public async Task Dispatch_ExitTwoWithoutResult_BadInputNotInfrastructure()
    {
        _agents.Agent("cat > /dev/null\necho 'Field `Coverage` is required' >&2\nexit 2");

        var outcome = await Executor().DispatchAsync(Request(), CancellationToken.None);

        Assert.Equal((DispatchStatus.Failed, true), (outcome.Status, outcome.Permanent));
        var result = Assert.IsType<AgentResult>(outcome.Result);
        Assert.True(result.Permanent);
        Assert.Contains("bad input (exit 2)", result.Summary, StringComparison.Ordinal);
        Assert.Contains("Field `Coverage` is required", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ResultForAnotherKey_NotBelieved()
    {
        _agents.Agent("cat > /dev/null\necho '" + ValidResult.Replace(Key, "local/ops#9/a1/plan", StringComparison.Ordinal) + "'");

        var outcome = await Executor().DispatchAsync(Request(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.Contains("answered for key local/ops#9/a1/plan", outcome.Error, StringComparison.Ordinal);
    }
}
