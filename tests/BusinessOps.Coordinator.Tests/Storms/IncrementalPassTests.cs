using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>
/// The incremental pass (the SQLite store's pass index: only what changed since the last pass or is due) against the full
/// pass it replaces: random stores of the demo's samples, random waits across the SLA targets and approval timeouts, random
/// people's commands in between. Before each pass the store is copied; the incremental pass runs on it, a full pass
/// (<c>run --full</c>) on the copy at the same time, and both must write the same issues with the same kinds of writes.
/// CsCheck prints the seed of a failing case; <c>CsCheck_Seed=…</c> replays it.
/// </summary>
public sealed class IncrementalPassTests(ITestOutputHelper output)
{
    // Waits between passes that straddle what a pass acts on: the 5-minute synchronous and 4-hour asynchronous approval
    // timeouts, the 24-hour consensus one, the P0-P3 SLA targets (1, 4, 24, 72 h) and their at-risk fractions.
    private static readonly Gen<TimeSpan> Wait = Gen.OneOf(
        Gen.Const(TimeSpan.FromMinutes(1)),
        Gen.Const(TimeSpan.FromMinutes(6)),
        Gen.Int[10, 59].Select(m => TimeSpan.FromMinutes(m)),
        Gen.Int[1, 5].Select(h => TimeSpan.FromHours(h)),
        Gen.Int[17, 30].Select(h => TimeSpan.FromHours(h)),
        Gen.Const(TimeSpan.FromHours(49)));

    // A person's move before the pass: nothing, a command on one issue (by its position among the open ones), or a label.
    private static readonly Gen<(int Kind, int Pick)> Act = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1000]);

    private static readonly Gen<(int Issues, int Skip, (TimeSpan Wait, (int Kind, int Pick) Act)[] Steps)> Cases =
        Gen.Select(Gen.Int[12, 30], Gen.Int[0, 29], Gen.Select(Wait, Act).Array[4, 8]);

    [Fact]
    public async Task IncrementalPass_RandomStoresAndWaits_WritesWhatAFullPassWrites()
    {
        var decided = new long[2];
        await Cases.SampleAsync(
            async c =>
            {
                using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
                await scenario.FileAsync(c.Issues, CancellationToken.None, c.Skip);
                var passes = 0;
                await CompareAsync(scenario, "cold", decided);

                // Two passes to settle (the pass after one that wrote an issue reads it anyway): from here on, what an
                // incremental pass reads besides people's changes is what its due times say.
                for (var settle = 1; settle <= 2; settle++)
                {
                    scenario.Clock.Advance(TimeSpan.FromMinutes(2));
                    await CompareAsync(scenario, "settle " + settle, decided);
                }
                foreach (var (wait, act) in c.Steps)
                {
                    scenario.Clock.Advance(wait);
                    await ActAsync(scenario, act);
                    await CompareAsync(scenario, $"pass {++passes} after {wait}", decided);
                }
            },
            writeLine: output.WriteLine,
            iter: 10,
            threads: 1,
            print: c => $"{c.Issues} issues from sample {c.Skip}; " + string.Join(", ", c.Steps.Select(s => $"{s.Wait} then act {s.Act.Kind}/{s.Act.Pick}")));

        // Not a full pass under another name: over every case it decided fewer issues than the full passes beside it.
        Assert.True(decided[0] < decided[1], $"incremental passes decided {decided[0]} issues, full passes {decided[1]}");
    }

    [Fact]
    public async Task RunOnce_ConvergedThenPolicyEdit_IdleReadsNothingAndTheEditReadsAll()
    {
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
        await scenario.FileAsync(30, CancellationToken.None);
        await scenario.PassAsync("cold", CancellationToken.None);

        // Passes two minutes apart: each reads what the one before wrote (and a minute's slack before it), no more.
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        await scenario.PassAsync("settle", CancellationToken.None);
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        var open = (await scenario.Store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None)).Count;
        var settled = await scenario.PassAsync("settled", CancellationToken.None);
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));

        // Past the synchronous approval timeout: the backup pings; the pass after reads the pinged plans again; then idle.
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        await scenario.PassAsync("timeouts", CancellationToken.None);
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await scenario.PassAsync("after the timeouts", CancellationToken.None);
        scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        var idle = await scenario.PassAsync("idle", CancellationToken.None);
        scenario.Policies = scenario.Policies with { Approvals = scenario.Policies.Approvals with { FinancialTiers = [.. scenario.Policies.Approvals.FinancialTiers.Select(t => t with { Role = "cfo" })] } };
        var edited = await scenario.PassAsync("policy edit", CancellationToken.None);
        var full = await scenario.PassAsync("full", CancellationToken.None, full: true);

        Assert.Equal(0, after.Writes + idle.Writes);
        var now = scenario.Clock.GetUtcNow();
        var dueNow = (await scenario.Store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None)).Where(i => DueTime.Next(i, scenario.Policies, now) <= now);
        Assert.True(idle.Examined == 0, $"the idle pass decided {idle.Examined}; due at once: {string.Join("; ", dueNow.Select(i => $"#{i.Number} {string.Join(',', i.Labels)}: {IssueStateReader.Read(i, scenario.Policies).State}"))}");
        Assert.Equal(open, edited.Examined);
        Assert.Equal(open, full.Examined);
        Assert.True(settled.Examined < open, $"the pass after the settling one decided {settled.Examined} of {open}");
    }

    private static async Task CompareAsync(StormScenario scenario, string name, long[] decided)
    {
        using var copy = scenario.Fork();
        var full = await copy.PassAsync(name + " (full)", CancellationToken.None, full: true);
        var fullWritten = copy.LastWritten;
        var incremental = await scenario.PassAsync(name, CancellationToken.None);
        Assert.True(
            fullWritten.SequenceEqual(scenario.LastWritten) && full.ByKind.SequenceEqual(incremental.ByKind) && full.Dispatched == incremental.Dispatched,
            $"{name}: the full pass wrote #{string.Join(", #", fullWritten)} ({Kinds(full)}; {full.Dispatched} dispatched), "
            + $"the incremental pass #{string.Join(", #", scenario.LastWritten)} ({Kinds(incremental)}; {incremental.Dispatched} dispatched)");
        decided[0] += incremental.Examined;
        decided[1] += full.Examined;
    }

    private static string Kinds(StormPass pass) => string.Join(", ", pass.ByKind.Select(k => $"{k.Key} {k.Value}"));

    /// <summary>One person's move, the same on every run of a case: a command from an approver or a stranger, a hold, a priority.</summary>
    private static async Task ActAsync(StormScenario scenario, (int Kind, int Pick) act)
    {
        var open = (await scenario.Store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None)).OrderBy(i => i.Number).ToList();
        if (act.Kind == 0 || open.Count == 0)
        {
            return;
        }

        // Waiting issues first when the move is an approval: that is where a command changes most.
        var waiting = open.Where(i => i.HasLabel(LabelNames.For(IssueStatus.AwaitingApproval)) || i.HasLabel(LabelNames.For(IssueStatus.AwaitingDecision))).ToList();
        var pool = act.Kind is 1 or 2 && waiting.Count > 0 ? waiting : open;
        var number = pool[act.Pick % pool.Count].Number;
        await scenario.ActAsync(act.Kind == 5 ? "someone-else" : "olivia", store => act.Kind switch
        {
            1 => store.AddCommentAsync(number, "/approve", CancellationToken.None),
            2 => store.AddCommentAsync(number, "/reject not now", CancellationToken.None),
            3 => store.AddCommentAsync(number, "/hold", CancellationToken.None),
            4 => store.AddCommentAsync(number, "/retry", CancellationToken.None),
            5 => store.AddCommentAsync(number, "/approve", CancellationToken.None),
            _ => store.UpdateLabelsAsync(number, ["priority/P0"], [.. open.First(i => i.Number == number).Labels.Where(l => l.StartsWith("priority/", StringComparison.Ordinal))], CancellationToken.None),
        });
    }
}
