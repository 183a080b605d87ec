using System.Text.Json.Nodes;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Connectors.Tests.Runner;

/// <summary>A plan's onFailure effects (a deployment's failure status and its rollback): run only after a failure, each once.</summary>
public sealed class OnFailureEffectsTests
{
    // e1 deployment, e2 deploy, e3 success status; only on failure: e4 failure status, e5 rollback.
    private static readonly IReadOnlyList<Effect> Plan =
    [
        Step(1, onFailure: false), Step(2, onFailure: false), Step(3, onFailure: false), Step(4, onFailure: true), Step(5, onFailure: true),
    ];

    private readonly FakeTimeProvider _clock = new(Some.Epoch);

    [Fact]
    public async Task Run_NothingFails_OnFailureEffectsNeverRun()
    {
        var target = new FakeTarget();

        var report = await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), Plan, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Completed, report.Status);
        Assert.Equal([1, 2, 3], report.Records.Select(r => r.Index));
        Assert.Equal(3, target.Performed.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_DeployFails_FailureStatusThenRollbackOnceAndTheFailureIsPermanent(bool permanent)
    {
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Failed("HTTP 503 from deploy", permanent);

        var report = await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), Plan, [], CancellationToken.None);

        Assert.Equal((EffectRunStatus.Failed, 2), (report.Status, report.StoppedAt));
        Assert.True(report.Permanent);
        Assert.Contains("HTTP 503 from deploy", report.Reason, StringComparison.Ordinal);
        Assert.Contains("on failure, e4, e5 done", report.Reason, StringComparison.Ordinal);
        Assert.Equal([Samples.Key(1).ToString(), Samples.Key(4).ToString(), Samples.Key(5).ToString()], target.Order);
        Assert.Equal([(1, EffectStatus.Done), (2, EffectStatus.Failed), (4, EffectStatus.Done), (5, EffectStatus.Done)], report.Records.Select(r => (r.Index, r.Status)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Run_CrashDuringTheOnFailureEffectsThenRerun_EachPerformedExactlyOnce(int crashAt)
    {
        // Writes: [s1], [d1,s2], [f2], [s4], [d4,s5], [d5] — a crash at each of the last three, then a rerun of the same attempt.
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Failed("HTTP 422", permanent: true);
        var journal = new CrashingJournal(crashAt);

        await Assert.ThrowsAsync<CrashException>(() => Runner(target, journal).RunAsync(Samples.Attempt(), Plan, [], CancellationToken.None));
        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Plan, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Equal(1, target.Times(Samples.Key(4)));
        Assert.Equal(1, target.Times(Samples.Key(5)));
        Assert.Equal(0, target.Times(Samples.Key(3)));
    }

    [Fact]
    public async Task Run_DeployOutcomeUnknown_NothingRolledBackBlindly()
    {
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Unknown("timed out after sending");

        var report = await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), Plan, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Unknown, report.Status);
        Assert.Equal([Samples.Key(1).ToString()], target.Order);
    }

    [Fact]
    public async Task Run_FailureReport_EveryEffectRunsAndCompletes()
    {
        var target = new FakeTarget();
        IReadOnlyList<Effect> report = [Step(1, onFailure: true)];

        var run = await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), report, [], failureReport: true, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Completed, run.Status);
        Assert.Equal(1, target.Times(Samples.Key(1)));
    }

    private static Effect Step(int i, bool onFailure) =>
        Effect.Create(EffectKinds.GitHubComment, $"#{i}", new JsonObject { ["body"] = $"step {i}" }, onFailure);

    private EffectRunner Runner(IEffectConnector target, IEffectJournal journal) => new(target, journal, _clock);
}
