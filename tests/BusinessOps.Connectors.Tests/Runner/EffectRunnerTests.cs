using System.Text.Json.Nodes;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Connectors.Tests.Runner;

public sealed class EffectRunnerTests
{
    private const int N = 4;
    private static readonly IReadOnlyList<Effect> Effects = [.. Enumerable.Range(1, N).Select(i => Effect.Create(EffectKinds.GitHubComment, $"#{i}", new JsonObject { ["body"] = $"step {i}" }))];
    private readonly FakeTimeProvider _clock = new(Some.Epoch);

    public static TheoryData<int> CrashPoints()
    {
        // Writes are: [started e1], [done e1, started e2], …, [done eN] — a crash at each one is a crash between every two steps.
        var data = new TheoryData<int>();
        for (var k = 1; k <= N + 1; k++)
        {
            data.Add(k);
        }

        return data;
    }

    [Fact]
    public async Task Run_EffectAfterADoneOne_SeesItDoneWithItsReferenceBeforeTheJournalHasIt()
    {
        // The runner writes e1's outcome together with e2's "started"; e2 (a deployment status naming e1's deployment)
        // must still be handed e1 as done, with its reference.
        var target = new FakeTarget();

        await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        var earlier = target.EarlierSeen[3];
        Assert.Equal([1, 2], earlier.Select(r => r.Index));
        Assert.All(earlier, r => Assert.Equal(EffectStatus.Done, r.Status));
        Assert.Equal(["ref-1", "ref-2"], earlier.Select(r => r.Reference));
        Assert.Empty(target.EarlierSeen[1]);
    }

    [Fact]
    public async Task Run_NoCrash_PerformsEveryEffectOnceInOrderAndRecordsStartedBeforeOutcome()
    {
        var target = new FakeTarget();
        var journal = new CrashingJournal();

        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Completed, report.Status);
        Assert.Equal(N, report.Done);
        Assert.Equal([.. Enumerable.Range(1, N).Select(i => Samples.Key(i).ToString())], target.Order);
        Assert.Equal(
            [.. Enumerable.Range(1, N).SelectMany(i => new[] { (i, EffectStatus.Started), (i, EffectStatus.Done) })],
            journal.Writes.Select(w => (w.Index, w.Status)));
        Assert.Equal(N + 1, journal.WriteCount);
        Assert.All(report.Records, r => Assert.Equal("ref-" + r.Index, r.Reference));
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Run_CrashBetweenAnyTwoStepsThenRerun_EveryEffectExactlyOnce(int crashAt)
    {
        var target = new FakeTarget(canTell: true);
        var journal = new CrashingJournal(crashAt);

        await Assert.ThrowsAsync<CrashException>(() => Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None));
        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Completed, report.Status);
        for (var i = 1; i <= N; i++)
        {
            Assert.Equal(1, target.Times(Samples.Key(i)));
        }

        Assert.All(report.Records, r => Assert.Equal(EffectStatus.Done, r.Status));
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Run_CrashThenRerunOnTargetThatCannotTell_NeverRepeatsAndReportsTheUnknownEffect(int crashAt)
    {
        var target = new FakeTarget(canTell: false);
        var journal = new CrashingJournal(crashAt);
        var crashed = crashAt - 1;

        await Assert.ThrowsAsync<CrashException>(() => Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None));
        var rerun = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None);

        if (crashAt == 1)
        {
            // Crashed while writing the first "started": nothing was recorded or done, so the rerun just runs.
            Assert.Equal(EffectRunStatus.Completed, rerun.Status);
            Assert.All(Enumerable.Range(1, N), i => Assert.Equal(1, target.Times(Samples.Key(i))));
            return;
        }

        Assert.Equal(EffectRunStatus.Unknown, rerun.Status);
        Assert.Equal(crashed, rerun.StoppedAt);
        Assert.Contains($"effect e{crashed}", rerun.Reason, StringComparison.Ordinal);
        Assert.Contains("cannot be asked", rerun.Reason, StringComparison.Ordinal);
        Assert.Equal(1, target.Times(Samples.Key(crashed)));
        Assert.All(Enumerable.Range(crashed + 1, N - crashed), i => Assert.Equal(0, target.Times(Samples.Key(i))));

        // A person confirms it happened; the next run finishes the rest, still once each.
        journal.Confirm(crashed, EffectStatus.Done, "confirmed by @dana");
        var finished = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None);
        Assert.Equal(EffectRunStatus.Completed, finished.Status);
        Assert.All(Enumerable.Range(1, N), i => Assert.Equal(1, target.Times(Samples.Key(i))));
    }

    [Fact]
    public async Task Run_EffectFails_StopsTheRestAndReportsWhy()
    {
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Failed("'payables' answered 422: unknown vendor", permanent: true);
        var journal = new CrashingJournal();

        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Equal(2, report.StoppedAt);
        Assert.True(report.Permanent);
        Assert.Equal("effect e2 (github.comment → #2): 'payables' answered 422: unknown vendor", report.Reason);
        Assert.Equal(1, target.Times(Samples.Key(1)));
        Assert.Equal(0, target.Times(Samples.Key(3)));
        Assert.Equal(EffectStatus.Failed, journal.Ledger[1].Status);
    }

    [Fact]
    public async Task Run_RerunSameAttemptAfterFailure_DoesNotRetryTheFailedEffect()
    {
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Failed("down for maintenance", permanent: false);
        var journal = new CrashingJournal();
        await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        var rerun = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, rerun.Status);
        Assert.Equal(2, rerun.StoppedAt);
        Assert.Equal(0, target.Times(Samples.Key(2)));
    }

    [Fact]
    public async Task Run_NextAttemptAfterFailure_SkipsDoneEffectsAndRetriesTheRestWithTheFirstKey()
    {
        var target = new FakeTarget();
        target.FailAt[2] = EffectOutcome.Failed("down for maintenance", permanent: false);
        var journal = new CrashingJournal();
        await Runner(target, journal).RunAsync(Samples.Attempt(1), Effects, [], CancellationToken.None);

        var retry = await Runner(target, journal).RunAsync(Samples.Attempt(2), Effects, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Completed, retry.Status);
        Assert.Equal(1, target.Times(Samples.Key(1, attempt: 1)));
        Assert.Equal(1, target.Times(Samples.Key(2, attempt: 1)));
        Assert.Equal(1, target.Times(Samples.Key(3, attempt: 2)));
        Assert.Equal(0, target.Times(Samples.Key(2, attempt: 2)));
    }

    [Fact]
    public async Task Run_UnknownOutcomeOnTargetThatCanTell_AskedByKeyAndPerformedOnlyIfAbsent()
    {
        var target = new FakeTarget(canTell: true);
        target.FailAt[1] = EffectOutcome.Unknown("timed out");
        var journal = new CrashingJournal();
        var first = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        var rerun = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, journal.Ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Unknown, first.Status);
        Assert.Equal(EffectRunStatus.Completed, rerun.Status);
        Assert.Equal(1, target.Checks);
        Assert.All(Enumerable.Range(1, N), i => Assert.Equal(1, target.Times(Samples.Key(i))));
    }

    [Fact]
    public async Task Run_ConnectorThrows_OutcomeUnknownAndRunStops()
    {
        var target = new FakeTarget();
        target.ThrowAt.Add(3);
        var journal = new CrashingJournal();

        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Unknown, report.Status);
        Assert.Equal(3, report.StoppedAt);
        Assert.Contains("may have happened", report.Reason, StringComparison.Ordinal);
        Assert.Equal(EffectStatus.Unknown, journal.Ledger[2].Status);
    }

    [Fact]
    public async Task Run_LaterEffectUnavailable_NothingRunsAndTheReasonNamesIt()
    {
        var target = new FakeTarget();
        target.UnavailableTargets.Add("#3");
        var journal = new CrashingJournal();

        var report = await Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Equal(3, report.StoppedAt);
        Assert.True(report.Permanent);
        Assert.Contains("target #3 is switched off; nothing was run", report.Reason, StringComparison.Ordinal);
        Assert.Empty(target.Order);
        Assert.Empty(journal.Writes);
    }

    [Fact]
    public async Task Run_MalformedEffect_NothingRuns()
    {
        var target = new FakeTarget();
        IReadOnlyList<Effect> effects = [Effects[0], Effect.Create(EffectKinds.GitHubComment, "issue 7", new JsonObject { ["body"] = "x" })];

        var report = await Runner(target, new CrashingJournal()).RunAsync(Samples.Attempt(), effects, [], CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Equal(2, report.StoppedAt);
        Assert.Contains("must be an issue of this repository like #12", report.Reason, StringComparison.Ordinal);
        Assert.Empty(target.Order);
    }

    [Fact]
    public async Task Run_LedgerFromALongerPlan_RefusesToRun()
    {
        var ledger = new[] { new EffectRecord(9, Samples.Key(9).ToString(), EffectStatus.Done, 1, _clock.GetUtcNow()) };

        var report = await Runner(new FakeTarget(), new CrashingJournal()).RunAsync(Samples.Attempt(), Effects, ledger, CancellationToken.None);

        Assert.Equal(EffectRunStatus.Failed, report.Status);
        Assert.Contains("plan changed", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cancelled_ThrowsAndLeavesTheEffectStartedForTheRerun()
    {
        var journal = new CrashingJournal();
        using var cancel = new CancellationTokenSource();
        var target = new BlockingTarget(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(target, journal).RunAsync(Samples.Attempt(), Effects, [], cancel.Token));

        Assert.Equal(EffectStatus.Started, Assert.Single(journal.Ledger).Status);
    }

    private EffectRunner Runner(IEffectConnector target, IEffectJournal journal) => new(target, journal, _clock);

    private sealed class BlockingTarget(CancellationTokenSource cancel) : IEffectConnector
    {
        public string? Unavailable(Effect effect) => null;

        public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
        {
            await cancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return EffectOutcome.Done(null);
        }

        public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken) => Task.FromResult(EffectCheck.CannotTell());
    }
}
