using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>
/// Writes per dispatch and write storms on the local SQLite store (issue 15, items 3 and 4), through the real shell with
/// the real agents in process: one transaction per issue per write-out, the backup approver pinged once per plan in one
/// write, and nothing written by a pass over converged issues. The figures at 10,000 issues: <c>scenarios storms</c>.
/// </summary>
public sealed class StormTests
{
    // Three rounds of the demo's samples: every agent, every outcome (plans waiting, decisions, bad input, unroutable).
    private const int Issues = 90;

    [Fact]
    public async Task RunOnce_LocalDispatchesOnSqlite_AtMostTwoWritesPerIssue()
    {
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
        await scenario.FileAsync(Issues, CancellationToken.None);

        var cold = await scenario.PassAsync("cold", CancellationToken.None);

        // The intent recorded as the run starts, then the result with its settlement: one transaction each (7 single writes
        // each on main before issue 15, 3 transactions before the intent moved to the start).
        Assert.True(cold.Dispatched > 80, $"dispatched {cold.Dispatched}");
        Assert.True(cold.MostOnOneIssue <= 2, Describe(cold, scenario));
        Assert.True(cold.Writes <= 2 * cold.Dispatched + (Issues - cold.Dispatched), Describe(cold, scenario));
        await ExecuteQueuedPlansAsync(scenario);
        var idle = await scenario.PassAsync("idle", CancellationToken.None);
        Assert.True(idle.Writes == 0, Describe(idle, scenario));
    }

    [Fact]
    public async Task RunOnce_ApprovalTimeoutCrossed_OneWritePerWaitingPlanThenNone()
    {
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
        await scenario.FileAsync(Issues, CancellationToken.None);
        await scenario.PassAsync("cold", CancellationToken.None);
        await ExecuteQueuedPlansAsync(scenario);
        var idle = await scenario.PassAsync("idle", CancellationToken.None);
        Assert.True(idle.Writes == 0, Describe(idle, scenario));

        // The synchronous approval timeout (5 minutes) passes for every waiting plan at once.
        scenario.Clock.Advance(TimeSpan.FromMinutes(6));
        var timeout = await scenario.PassAsync("timeout", CancellationToken.None);

        var pinged = timeout.ByKind.GetValueOrDefault("note:backup");
        Assert.True(pinged > 0, "no plan waited on a synchronous approval");
        Assert.Equal(pinged, timeout.IssuesWritten);
        Assert.Equal(pinged, timeout.Writes);
        var after = await scenario.PassAsync("idle", CancellationToken.None);
        Assert.True(after.Writes == 0, Describe(after, scenario));
    }

    [Fact]
    public async Task RunOnce_AsynchronousTimeoutsCrossedLater_OneNotePerPlanOnceThenNone()
    {
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(255));
        await scenario.FileAsync(Issues, CancellationToken.None);
        await scenario.PassAsync("cold", CancellationToken.None);
        scenario.Clock.Advance(TimeSpan.FromMinutes(6));
        await scenario.PassAsync("backup pings", CancellationToken.None);

        // Past the asynchronous approval timeout (4 hours): the conservative default, said once per plan, nothing else.
        scenario.Clock.Advance(TimeSpan.FromHours(4));
        var timeout = await scenario.PassAsync("timeout", CancellationToken.None);

        var noted = timeout.ByKind.GetValueOrDefault("note:timeout");
        Assert.True(noted > 0, "no plan waited on an asynchronous approval");
        Assert.Equal(noted, timeout.Writes);
        Assert.Equal(noted, timeout.ByKind.Values.Sum());
        Assert.Equal(0, (await scenario.PassAsync("idle", CancellationToken.None)).Writes);
    }

    /// <summary>
    /// The pass after the cold pass: an L1 plan whose agent proposed effects (the manager agent's routing labels) leaves the
    /// cold pass with its execute phase queued — the settlement after a local run dispatches nothing itself — and this pass
    /// performs it through the store's connector. It writes to those issues and no other: the queued execute phases, each
    /// leaving the queue, its effects with their journal, and the result with its settlement.
    /// </summary>
    private static async Task ExecuteQueuedPlansAsync(StormScenario scenario)
    {
        var queued = (await scenario.Store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None)).Where(i => i.HasLabel(LabelNames.For(IssueStatus.Queued))).Select(i => i.Number).Order().ToList();
        var pass = await scenario.PassAsync("execute phases", CancellationToken.None);
        Assert.NotEmpty(queued);
        Assert.Equal(queued, scenario.LastWritten);

        // An execute phase runs no agent: the coordinator performs the approved effects itself.
        Assert.Equal(0, pass.Dispatched);
        Assert.True(pass.ByKind.GetValueOrDefault("note:effect-failed") == 0, Describe(pass, scenario));
        Assert.True(pass.MostOnOneIssue <= 5, Describe(pass, scenario));
    }

    private static string Describe(StormPass pass, StormScenario scenario) =>
        $"{pass.Name}: {pass.Writes} writes on #{string.Join(", #", scenario.LastWritten)}: {string.Join(", ", pass.ByKind.Select(k => $"{k.Key} {k.Value}"))}";
}
