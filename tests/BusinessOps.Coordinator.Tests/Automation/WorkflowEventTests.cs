using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, event mode (<c>run --event</c>): the event's job runs the automation the event concerns — an approval on a
/// gate child opens the next step and dispatches it in the same job — reading the parent and its registered children only.
/// </summary>
public sealed class WorkflowEventTests
{
    private const string Gated = """
        title: Gated
        steps:
          - id: draft
            agent: marketing
            labels: [marketing/content]
            gate:
              role: finance-manager
          - id: publish
            agent: marketing
            labels: [marketing/social]
            needs: [draft]
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Event_ApproveOnGateChild_NextStepOpenedAndDispatchedReadingOnlyTheWorkflow()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/gated.yml"] = Gated }, Start);
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        await s.Inner.FileAsync("Unrelated lead", "### Scope\n\nall", "sales/leads");
        var started = WorkflowStarter.Start(s.Automation.Workflows["gated"], [], null, "test");
        var parent = await s.Step().StartWorkflowAsync(s.Store, started.Parent!, CancellationToken.None);
        await s.PassAsync();
        await s.PassAsync();
        var gate = (await WorkflowWiringTests.ChildrenAsync(s, parent.Number))["draft/gate/r1/a1"];
        s.Inner.Say(gate.Number, "fiona", "/approve looks right");

        // The job of the issue_comment event: the automation for that issue, then the reconcile of what it hands back.
        var store = new CountingIssueStore(s.Store);
        var dispatchedBefore = s.Executor.Requests.Count;
        var outcome = await s.Step().RunForEventAsync(store, (await s.Memory.GetIssueAsync(gate.Number, CancellationToken.None))!, CancellationToken.None);
        var reads = store.Reads;
        await new Reconciler(store, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: false), Log.Quiet)
            .ReconcileAsync(outcome.ToReconcile, CancellationToken.None);

        var children = await WorkflowWiringTests.ChildrenAsync(s, parent.Number);
        var publish = children["publish/run/r1/a1"];
        Assert.Equal([publish.Number], outcome.ToReconcile.Select(i => i.Number));
        Assert.Equal([publish.Number], s.Executor.Requests.Skip(dispatchedBefore).Select(r => r.Issue.Number));

        // Read: the parent, the draft's run child (the gate is the event's own issue) and the approver's permission; no list.
        Assert.Equal(3, reads);

        // The next full pass finds everything in place and opens nothing more.
        var count = (await s.AllAsync()).Count;
        await s.PassAsync();
        Assert.Equal(count, (await s.AllAsync()).Count);
    }

    [Fact]
    public async Task Event_IssueOutsideAnyWorkflow_NoReadNoWrite()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/gated.yml"] = Gated }, Start);
        var lead = await s.Inner.FileAsync("A lead", "### Scope\n\nall", "sales/leads");
        var store = new CountingIssueStore(s.Store);

        var outcome = await s.Step().RunForEventAsync(store, (await s.Memory.GetIssueAsync(lead, CancellationToken.None))!, CancellationToken.None);

        Assert.Equal([lead], outcome.ToReconcile.Select(i => i.Number));
        Assert.Equal((0, 0), (store.Reads, store.Writes));
    }

    [Fact]
    public async Task Event_PersonFilesIssueWithWorkflowLabel_WorkflowStartsInThatJob()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/gated.yml"] = Gated }, Start);
        s.Executor.Script = r => AutoShell.With(r, """{"ok":true}""");
        var parent = await s.Inner.FileAsync("Gated run", "Please run it", "workflow/gated");
        var store = new CountingIssueStore(s.Store);

        var outcome = await s.Step().RunForEventAsync(store, (await s.Memory.GetIssueAsync(parent, CancellationToken.None))!, CancellationToken.None);

        var draft = Assert.Single(outcome.ToReconcile);
        Assert.Equal(["draft/run/r1/a1"], (await WorkflowWiringTests.ChildrenAsync(s, parent)).Keys);
        Assert.Equal(draft.Number, (await WorkflowWiringTests.ChildrenAsync(s, parent))["draft/run/r1/a1"].Number);
        Assert.Equal(0, store.Reads);
    }
}
