using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, workflows end to end on a real pass: a parent with a task list, one child per step as its needs complete,
/// independent steps in parallel, a review loop that sends a step back twice, a failing step, <c>/retry</c> on it
/// (finished steps are not run again) and completion — nothing opened twice however many passes run.
/// </summary>
public sealed class WorkflowWiringTests
{
    private const string Launch = """
        title: Launch
        inputs:
          type: object
          required: [topic]
          properties:
            topic: { type: string }
        steps:
          - id: content
            agent: marketing
            labels: [marketing/content]
            inputs:
              topic: inputs.topic
            outputSchema:
              type: object
              required: [draft]
              properties:
                draft: { type: string }
            review:
              agent: manager
              minScore: 0.8
              maxRounds: 3
          - id: seo
            agent: marketing
            labels: [marketing/seo]
            needs: [content]
            inputs:
              draft: content.outputs.draft
            retry:
              maxAttempts: 1
              onFailure: fail
          - id: social
            agent: marketing
            labels: [marketing/social]
            needs: [content]
            inputs:
              draft: content.outputs.draft
          - id: tracking
            agent: analytics
            labels: [analytics/reporting]
            needs: [seo, social]
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Passes_ReviewTwiceBelowTheBarFailingStepRetried_CompletesWithEveryStepOnce()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/launch.yml"] = Launch }, Start);
        var seoFails = true;
        s.Executor.Script = r =>
        {
            Assert.True(AutomationMarker.TryParse(r.Issue.Body, out var key), r.Issue.Body);
            Assert.True(WorkflowChildRef.TryParse(key, out var child), key.ToString());
            return (child.Key.Step, child.Key.Kind) switch
            {
                ("content", ChildKind.Run) => AutoShell.With(r, $$"""{"draft":"draft v{{child.Key.Round}}"}"""),
                ("content", ChildKind.Review) => AutoShell.With(r, child.Key.Round < 3 ? """{"score":0.5,"feedback":"tighten the intro"}""" : """{"score":0.9}"""),
                ("seo", _) when seoFails => Reconcile.Plans.Result(r, AgentOutcome.Failed, Classification.Routine, 0.01m, "no keyword data") with { Permanent = true },
                _ => AutoShell.With(r, """{"ok":true}"""),
            };
        };

        var workflow = s.Automation.Workflows["launch"];
        var started = WorkflowStarter.Start(workflow, new System.Text.Json.Nodes.JsonObject { ["topic"] = "spring" }, null, "test");
        var parent = await s.Step().StartWorkflowAsync(s.Store, started.Parent!, CancellationToken.None);

        for (var i = 0; i < 12; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        // The review sent content back twice (rounds 1 and 2 below 0.8); round 3 passed. seo failed; social ran in parallel.
        var children = await ChildrenAsync(s, parent.Number);
        Assert.Equal(
            ["content/review/r1/a1", "content/review/r2/a1", "content/review/r3/a1", "content/run/r1/a1", "content/run/r2/a1", "content/run/r3/a1", "seo/run/r1/a1", "social/run/r1/a1"],
            children.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("tighten the intro", children["content/run/r2/a1"].Body, StringComparison.Ordinal);
        var stopped = await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None);
        Assert.Contains("status/failed", stopped!.Labels);
        Assert.Contains("— failed", stopped.Comments.Single(c => c.Body.Contains("workflow-children", StringComparison.Ordinal)).Body, StringComparison.Ordinal);

        // A person fixes the cause and says /retry on the failed step: it runs again, tracking follows, the run completes.
        seoFails = false;
        s.Inner.Say(children["seo/run/r1/a1"].Number, "fiona", "/retry");
        for (var i = 0; i < 6; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        children = await ChildrenAsync(s, parent.Number);
        Assert.Equal(9, children.Count);
        Assert.Contains("tracking/run/r1/a1", children.Keys);
        Assert.Single(s.Executor.Requests, r => r.Issue.Number == children["social/run/r1/a1"].Number);
        var done = await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None);
        Assert.Equal(IssueState.Closed, done!.State);
        Assert.Contains("status/done", done.Labels);
        Assert.Contains("- [x] **tracking**", done.Comments.Single(c => c.Body.Contains("workflow-children", StringComparison.Ordinal)).Body, StringComparison.Ordinal);

        // Nothing opens twice however many passes follow.
        var before = (await s.AllAsync()).Count;
        await s.PassAsync();
        Assert.Equal(before, (await s.AllAsync()).Count);
    }

    [Fact]
    public async Task Passes_FailedChildClosedThenRetried_PlannerOpensANewAttemptAndTheWorkflowCompletes()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/launch.yml"] = Launch.Replace("maxRounds: 3", "maxRounds: 1", StringComparison.Ordinal) }, Start);
        var seoFails = true;
        s.Executor.Script = r =>
        {
            Assert.True(AutomationMarker.TryParse(r.Issue.Body, out var key), r.Issue.Body);
            Assert.True(WorkflowChildRef.TryParse(key, out var child), key.ToString());
            return (child.Key.Step, child.Key.Kind) switch
            {
                ("content", ChildKind.Run) => AutoShell.With(r, """{"draft":"draft"}"""),
                ("content", ChildKind.Review) => AutoShell.With(r, """{"score":0.9}"""),
                ("seo", _) when seoFails => Reconcile.Plans.Result(r, AgentOutcome.Failed, Classification.Routine, 0.01m, "no keyword data") with { Permanent = true },
                _ => AutoShell.With(r, """{"ok":true}"""),
            };
        };
        var started = WorkflowStarter.Start(s.Automation.Workflows["launch"], new System.Text.Json.Nodes.JsonObject { ["topic"] = "spring" }, null, "test");
        var parent = await s.Step().StartWorkflowAsync(s.Store, started.Parent!, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        // The failed child is closed (a person gave up on it), then someone asks for another go on it.
        var failed = (await ChildrenAsync(s, parent.Number))["seo/run/r1/a1"];
        Assert.Contains("status/failed", (await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None))!.Labels);
        await s.Store.SetStateAsync(failed.Number, IssueState.Closed, CancellationToken.None);
        seoFails = false;
        s.Inner.Say(failed.Number, "fiona", "/retry");
        for (var i = 0; i < 6; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var children = await ChildrenAsync(s, parent.Number);
        Assert.Contains("seo/run/r1/a2", children.Keys);
        Assert.Contains("tracking/run/r1/a1", children.Keys);
        Assert.Single(s.Executor.Requests, r => r.Issue.Number == children["content/run/r1/a1"].Number);
        var done = await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None);
        Assert.Equal(IssueState.Closed, done!.State);
        Assert.Contains("status/done", done.Labels);

        var count = (await s.AllAsync()).Count;
        await s.PassAsync();
        Assert.Equal(count, (await s.AllAsync()).Count);
    }

    [Fact]
    public async Task RunOnce_PersonFilesAnIssueWithTheWorkflowLabel_ItBecomesTheParent()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/launch.yml"] = Launch }, Start);
        s.Executor.Script = _ => null;
        var parent = await s.Inner.FileAsync("Launch the spring range", "### Inputs\n\n```json\n{ \"topic\": \"spring range\" }\n```\n", "workflow/launch");

        await s.PassAsync();

        var children = await ChildrenAsync(s, parent);
        Assert.Equal(["content/run/r1/a1"], children.Keys);
        Assert.Contains("spring range", children["content/run/r1/a1"].Body, StringComparison.Ordinal);
        var issue = await s.Memory.GetIssueAsync(parent, CancellationToken.None);
        Assert.DoesNotContain("status/needs-triage", issue!.Labels);
        Assert.Contains("status/in-progress", issue.Labels);
    }

    [Fact]
    public async Task RunOnce_ParentWithInputsViolatingTheSchema_ClearNoteAndNothingStarts()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/launch.yml"] = Launch }, Start);
        var parent = await s.Inner.FileAsync("Launch", "### Inputs\n\n```json\n{ \"topic\": 42 }\n```\n", "workflow/launch");

        await s.PassAsync();
        await s.PassAsync();

        Assert.Empty(await ChildrenAsync(s, parent));
        var note = Assert.Single((await s.Memory.GetIssueAsync(parent, CancellationToken.None))!.Comments);
        Assert.Contains("topic", note.Body, StringComparison.Ordinal);
        Assert.Contains("Inputs", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passes_CancelOnTheParent_ClosedWithItsStatusSettledNotLeftInProgress()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["workflows/launch.yml"] = Launch }, Start);
        s.Executor.Script = r => AutoShell.With(r, """{"draft":"draft","score":0.9}""");
        var started = WorkflowStarter.Start(s.Automation.Workflows["launch"], new System.Text.Json.Nodes.JsonObject { ["topic"] = "spring" }, null, "test");
        var parent = await s.Step().StartWorkflowAsync(s.Store, started.Parent!, CancellationToken.None);
        await s.PassAsync();

        s.Inner.Say(parent.Number, "fiona", "/cancel");
        for (var i = 0; i < 4; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var cancelled = await s.Memory.GetIssueAsync(parent.Number, CancellationToken.None);
        Assert.Equal(IssueState.Closed, cancelled!.State);
        Assert.Equal(["status/done"], cancelled.Labels.Where(l => l.StartsWith("status/", StringComparison.Ordinal)));
        Assert.Contains("— cancelled", cancelled.Comments.Single(c => c.Body.Contains("workflow-children", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains(cancelled.Comments, c => c.Body.StartsWith("The workflow was cancelled", StringComparison.Ordinal));
    }

    internal static async Task<Dictionary<string, IssueSnapshot>> ChildrenAsync(AutoShell s, int parent) =>
        (await s.KeyedAsync(AutomationKinds.WorkflowChild))
            .Select(x => (x.Issue, Ok: WorkflowChildRef.TryParse(x.Key, out var r), Ref: r))
            .Where(x => x.Ok && x.Ref.Parent == parent)
            .ToDictionary(x => x.Ref.Key.Value, x => x.Issue, StringComparer.Ordinal);
}
