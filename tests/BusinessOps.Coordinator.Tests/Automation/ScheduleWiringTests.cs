using BusinessOps.Automation.Issues;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, schedules: nothing happened unless a person filed an issue. Now every pass opens the due slot's issue once —
/// across passes, a lost ledger and two overlapping runs — and the pass that opens it also dispatches it.
/// </summary>
public sealed class ScheduleWiringTests
{
    private const string Schedules = """
        timeZone: America/Los_Angeles
        schedules:
          - id: morning-briefing
            cron: "0 8 * * 1-5"
            overlap: supersede
            issue:
              title: "Morning briefing {date}"
              agent: analytics
              labels: [analytics/reporting]
              priority: P2
              fields:
                Report: Morning KPI briefing
        """;

    // Monday 9 November 2026, 08:05 in Los Angeles (standard time: UTC-8).
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunOnce_MorningBriefingDue_OpensOneIssueDispatchesItAndNeverAgain()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules }, MondayMorning);

        await s.PassAsync();

        var slot = Assert.Single(await s.KeyedAsync(AutomationKinds.Slot));
        Assert.Equal("morning-briefing@2026-11-09T16:00:00Z", slot.Key.Value);
        Assert.Equal("Morning briefing 2026-11-09", slot.Issue.Title);
        Assert.Contains(s.Executor.Requests, r => r.Issue.Number == slot.Issue.Number && r.Agent == "ai-analytics-agent");

        s.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, (await s.PassAsync()).Writes);
        Assert.Single(await s.KeyedAsync(AutomationKinds.Slot));
    }

    [Fact]
    public async Task RunOnce_LedgerLost_OpenSlotIssueKeepsTheSlotSingle()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules }, MondayMorning);
        await s.PassAsync();
        var ledger = Assert.Single(await s.KeyedAsync(AutomationKinds.Ledger));

        // The ledger issue is closed (someone tidied up): the next pass starts a new ledger and reads no cursor.
        await s.Store.SetStateAsync(ledger.Issue.Number, IssueState.Closed, CancellationToken.None);
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        await s.PassAsync();

        Assert.Single(await s.KeyedAsync(AutomationKinds.Slot));
    }

    [Fact]
    public async Task TwoOverlappingRuns_SameSlot_TheNextPassKeepsTheLowestNumberOnly()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules }, MondayMorning);
        var open = await s.Store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        // Two runs read the same (empty) state and both open the slot.
        await Task.WhenAll(s.Step().RunAsync(s.Store, open, CancellationToken.None), s.Step().RunAsync(s.Store, open, CancellationToken.None));
        Assert.Equal(2, (await s.KeyedAsync(AutomationKinds.Slot)).Count);

        await s.PassAsync();

        var slots = await s.KeyedAsync(AutomationKinds.Slot);
        var open1 = Assert.Single(slots, x => x.Issue.State == IssueState.Open);
        Assert.Equal(slots.Min(x => x.Issue.Number), open1.Issue.Number);
        Assert.Contains("duplicate", Assert.Single(slots, x => x.Issue.State == IssueState.Closed).Issue.Comments[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_NextDayWhileYesterdaysIsStillRunning_SupersedesIt()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules }, MondayMorning);
        s.Executor.Script = _ => null; // the analytics agent has not answered yet: Monday's briefing stays in progress
        await s.PassAsync();
        var monday = Assert.Single(await s.KeyedAsync(AutomationKinds.Slot)).Issue.Number;

        s.Clock.Advance(TimeSpan.FromDays(1));
        await s.PassAsync();

        var slots = await s.KeyedAsync(AutomationKinds.Slot);
        Assert.Equal(2, slots.Count);
        var old = Assert.Single(slots, x => x.Issue.Number == monday).Issue;
        Assert.Equal(IssueState.Closed, old.State);
        Assert.Contains("Superseded", old.Comments[^1].Body, StringComparison.Ordinal);
        Assert.Equal("morning-briefing@2026-11-10T16:00:00Z", Assert.Single(slots, x => x.Issue.State == IssueState.Open).Key.Value);
    }

    [Fact]
    public async Task RunOnce_AfterThreeDaysDown_CatchUpLatestOpensOnlyTheNewestSlot()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules }, MondayMorning);
        await s.PassAsync();

        // Down from Monday until Thursday 09:30: Tuesday's, Wednesday's and Thursday's slots were missed.
        s.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 12, 17, 30, 0, TimeSpan.Zero));
        await s.PassAsync();

        Assert.Equal(
            ["morning-briefing@2026-11-09T16:00:00Z", "morning-briefing@2026-11-12T16:00:00Z"],
            (await s.KeyedAsync(AutomationKinds.Slot)).Select(x => x.Key.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunOnce_ScheduleStartsAWorkflow_ParentAndFirstStepOpenAndDispatchInThatPass()
    {
        const string Recovery = """
            title: Payment recovery
            steps:
              - id: find
                agent: finance
                labels: [finance/analysis]
              - id: remind
                agent: finance
                labels: [finance/analysis]
                needs: [find]
            """;
        const string Monthly = """
            timeZone: UTC
            schedules:
              - id: payment-recovery
                cron: "0 9 1 * *"
                workflow: recovery
                issue:
                  title: "Payment recovery {month}"
                  agent: finance
                  labels: [finance/analysis]
            """;
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Monthly, ["workflows/recovery.yml"] = Recovery }, new DateTimeOffset(2026, 12, 1, 9, 10, 0, TimeSpan.Zero));
        s.Executor.Script = _ => null;

        await s.PassAsync();

        var parent = Assert.Single(await s.KeyedAsync(AutomationKinds.Workflow));
        Assert.Equal("recovery/payment-recovery@2026-12-01T09:00:00Z", parent.Key.Value);
        Assert.Equal("Payment recovery 2026-12", parent.Issue.Title); // the slot's title, so each month's run is told apart
        var child = Assert.Single(await s.KeyedAsync(AutomationKinds.WorkflowChild));
        Assert.Contains(s.Executor.Requests, r => r.Issue.Number == child.Issue.Number);
        Assert.DoesNotContain(s.Executor.Requests, r => r.Issue.Number == parent.Issue.Number);
    }
}
