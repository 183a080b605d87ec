using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12: an event job (<c>run --event</c> on a <c>workflow/&lt;name&gt;</c> issue) cancelled after any one of its writes
/// leaves the issue recoverable — the next event job and the full passes after it complete the workflow with nothing lost
/// (every step done, the parent closed) and nothing done twice (one issue per step, one result per dispatch key, one
/// registry and status comment each).
/// </summary>
public sealed class EventStoppedHalfwayTests
{
    private const string Parallel = """
        title: Parallel
        steps:
          - id: a
            agent: analytics
            labels: [analytics/reporting]
          - id: b
            agent: analytics
            labels: [analytics/reporting]
          - id: c
            agent: analytics
            labels: [analytics/reporting]
            needs: [a, b]
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task EventJob_StoppedAfterAnyWrite_NextPassesCompleteItOnce()
    {
        var uninterrupted = await RunAsync(stopAfter: int.MaxValue);
        Assert.False(uninterrupted.Stopped);
        Assert.True(uninterrupted.Writes >= 4, $"{uninterrupted.Writes} writes");

        for (var k = 1; k < uninterrupted.Writes; k++)
        {
            var run = await RunAsync(stopAfter: k);
            Assert.True(run.Stopped, $"stop after write {k}");
            Assert.Equal(uninterrupted.Steps, run.Steps);
        }
    }

    private static async Task<Outcome> RunAsync(int stopAfter)
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/parallel.yml"] = Parallel }, Start);
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        var parent = await s.Inner.FileAsync("Parallel run", "Please run it", "workflow/parallel");

        // The "opened" event's job, cancelled after write stopAfter.
        var stopping = CrashingStore.StopAfter(s.Store, stopAfter);
        var counting = new CountingIssueStore(stopping);
        try
        {
            var outcome = await s.Step().RunForEventAsync(counting, (await s.Memory.GetIssueAsync(parent, CancellationToken.None))!, CancellationToken.None);
            await new Reconciler(counting, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: false), Log.Quiet)
                .ReconcileAsync(outcome.ToReconcile, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // The job stopped here; what it wrote stays.
        }

        // The next event on the parent (a person's comment), then the scheduled full passes until nothing changes.
        s.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await s.Step().RunForEventAsync(s.Store, (await s.Memory.GetIssueAsync(parent, CancellationToken.None))!, CancellationToken.None);
        await new Reconciler(s.Store, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: false), Log.Quiet)
            .ReconcileAsync(next.ToReconcile, CancellationToken.None);
        for (var i = 0; i < 12; i++)
        {
            s.Clock.Advance(TimeSpan.FromMinutes(15));
            if ((await s.PassAsync()).Writes == 0)
            {
                break;
            }
        }

        var all = await s.AllAsync();
        var closed = all.Single(i => i.Number == parent).State == IssueState.Closed;
        Assert.True(closed, $"stop after {stopAfter}: the workflow did not complete");
        var children = await s.KeyedAsync(AutomationKinds.WorkflowChild);
        var keys = children.Select(c => c.Key.Value).ToList();
        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), keys.Count); // no step opened twice
        var identity = s.Store.Identity;
        foreach (var (child, _) in children)
        {
            var results = IssueStateReader.Results(child, identity).Select(r => r.Record.Key).ToList();
            Assert.Equal(results.Distinct(StringComparer.Ordinal).Count(), results.Count); // no result recorded twice
            Assert.True(child.Comments.Count(c => c.Author == identity && c.Body.Contains("businessops:state", StringComparison.Ordinal)) <= 1);
        }

        Assert.Single(all.Single(i => i.Number == parent).Comments, c => c.Body.Contains("businessops:workflow-children", StringComparison.Ordinal));
        return new Outcome(stopping.Crashed, counting.Writes, string.Join(",", keys.Order(StringComparer.Ordinal)));
    }

    private sealed record Outcome(bool Stopped, int Writes, string Steps);
}
