using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Faults.Tests.Agents;

/// <summary>
/// Agents that misbehave, run as real child processes by the real shell through the scrubbing store: the pass returns,
/// the run is recorded on the issue (a result or a failure for its key, nothing left in progress), no process of the agent
/// is left running, and no secret the coordinator knows — nor anything shaped like a token — reaches the store.
/// </summary>
public sealed class MisbehavingAgentTests : IDisposable
{
    // A secret the coordinator holds (registered with its masker as GITHUB_TOKEN is) and one shaped like a GitHub token.
    private const string Secret = "s3cret-value-of-the-coordinator-0123456789";
    private const string TokenShaped = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    private const string Key = "local/ops#1/a1/plan";

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["hangs"] = "sleep 600",
        ["crashes"] = "kill -SEGV $$",
        ["prints garbage"] = "echo 'not json {{{'",
        ["prints 10 MB then a result"] = $"head -c 10485760 /dev/zero | tr '\\0' x >&2\necho '{Result("ok", "0.01")}'",
        ["leaves grandchildren"] = $"( sleep 300 & echo $! >> PIDS )\n( ( sleep 300 & echo $! >> PIDS ) & )\necho '{Result("ok", "0.01")}'",
        ["answers for another key"] = "echo '" + Result("ok", "0.01").Replace(Key, "local/ops#2/a1/plan", StringComparison.Ordinal) + "'",
        ["nulls its summary, actions and outputs"] = "echo '" + $$"""{"agent":"ai-qa-agent","issue":1,"key":"{{Key}}","outcome":"completed","summary":null,"actions":null,"outputs":null,"confidence":0.95,"costUsd":0.01}""" + "'",
        ["claims a huge cost"] = $"echo '{Result("ok", "1e300")}'",
        ["prints invalid UTF-8"] = "printf '" + Result("bad \\377\\376 bytes", "0.01") + "\\n'",
        ["leaks secrets in its summary"] = $"echo '{Result("token " + Secret + " and " + TokenShaped, "0.01")}'",
        ["leaks secrets on stderr and fails"] = $"echo 'using {Secret} {TokenShaped}' >&2\nexit 1",
    };

    private readonly ScriptAgents _agents = new();

    public static TheoryData<string> Cases => [.. Scripts.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pass_MisbehavingAgent_RecordedNoProcessLeftNoSecretStored(string behaviour)
    {
        _agents.Write(Scripts[behaviour].Replace("PIDS", _agents.Pids, StringComparison.Ordinal));
        var clock = new FakeTimeProvider(Some.Epoch);
        var masker = new SecretMasker();
        masker.AddFromEnvironment([new("GITHUB_TOKEN", Secret)]);
        var memory = new InMemoryIssueStore(clock);
        using var store = ScrubbingIssueStore.Wrap(memory, masker);
        memory.Actor = "dana";
        await memory.CreateIssueAsync(new NewIssue("Check the release", "### Test results\n\nsee CI", ["dev/qa", "priority/P2"]), CancellationToken.None);
        memory.Actor = memory.Identity;
        var executor = new LocalExecutor(new AgentLocator([_agents.Path]), new LocalExecutorOptions(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)), TimeProvider.System, Log.Quiet);

        var pass = await new Reconciler(store, executor, PolicySet.Default, clock, new ReconcileOptions(1), Log.Quiet).RunOnceAsync(CancellationToken.None);

        var issue = (await memory.GetIssueAsync(1, CancellationToken.None))!;
        Assert.Equal(1, pass.Dispatched);
        Assert.True(IssueStateReader.HasResult(issue, memory.Identity, Key), $"{behaviour}: nothing recorded for {Key}; labels {string.Join(", ", issue.Labels)}");
        Assert.DoesNotContain("status/in-progress", issue.Labels);
        Assert.Empty(_agents.Running());
        var stored = string.Join("\n", [issue.Title, issue.Body, .. issue.Labels, .. issue.Comments.Select(c => c.Body)]);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenShaped, stored, StringComparison.Ordinal);
    }

    public void Dispose() => _agents.Dispose();

    private static string Result(string summary, string cost) =>
        $$"""{"agent":"ai-qa-agent","issue":1,"key":"{{Key}}","outcome":"completed","summary":"{{summary}}","confidence":0.95,"costUsd":{{cost}}}""";
}
