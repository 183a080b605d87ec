using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Labels;
using static BusinessOps.Automation.Tests.Workflows.Flows;

namespace BusinessOps.Automation.Tests.Workflows;

public sealed class WorkflowRunTests
{
    private const string Draft = """{"draft":"Spring is here","keywords":["spring"]}""";

    [Fact]
    public void Plan_NothingStarted_StartsOnlyTheRootWithItsMappedInput()
    {
        var plan = WorkflowPlanner.Plan(ContentMarketing(), Run());

        Assert.Equal(["content/run/r1/a1"], Started(plan));
        var start = plan.Starts.Single();
        Assert.Equal("spring launch", (string?)start.Input["topic"]);
        Assert.Equal(WorkflowStatus.Running, plan.Status);
        Assert.Equal(StepPhase.Waiting, View(plan, "seo").Phase);
    }

    [Fact]
    public void Plan_WholeRun_ParallelStepsStartTogetherAndTheRunCompletes()
    {
        var workflow = ContentMarketing();

        var afterContent = WorkflowPlanner.Plan(workflow, Run(Done("content", 20, Draft)));
        Assert.Equal(["seo/run/r1/a1", "social/run/r1/a1"], Started(afterContent));
        Assert.All(afterContent.Starts, s => Assert.Equal("Spring is here", (string?)s.Input["draft"]));

        var oneDone = WorkflowPlanner.Plan(workflow, Run(Done("content", 20, Draft), Done("seo", 21, """{"keywords":["spring","launch"]}"""), Running("social", 22)));
        Assert.Empty(oneDone.Starts);
        Assert.Equal(StepPhase.Waiting, View(oneDone, "report").Phase);

        var bothDone = WorkflowPlanner.Plan(workflow, Run(Done("content", 20, Draft), Done("seo", 21, """{"keywords":["spring","launch"]}"""), Done("social", 22, "{}")));
        var report = Assert.Single(bothDone.Starts);
        Assert.Equal("report/run/r1/a1", report.Key.Value);
        Assert.Equal("""["spring","launch"]""", report.Input["keywords"]!.ToJsonString());

        var complete = WorkflowPlanner.Plan(workflow, Run(Done("content", 20, Draft), Done("seo", 21, """{"keywords":["spring"]}"""), Done("social", 22, "{}"), Done("report", 23, """{"ctr":0.04}""")));
        Assert.Equal(WorkflowStatus.Completed, complete.Status);
        Assert.Empty(complete.Commands);
        Assert.Equal(0.04, (double)complete.Outputs!["report"]!["ctr"]!);
        Assert.Contains("- [x] **Write the article** (`content`, ai-marketing-agent) — done · #20", complete.TaskList, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SamePassTwice_SameChildrenWithTheSameMarkers()
    {
        var run = Run(Done("content", 20, Draft));

        var a = WorkflowPlanner.Plan(ContentMarketing(), run);
        var b = WorkflowPlanner.Plan(ContentMarketing(), run);

        Assert.Equal(a.Starts.Select(s => s.Issue.ToNewIssue().Body), b.Starts.Select(s => s.Issue.ToNewIssue().Body));
        Assert.True(AutomationMarker.TryParse(a.Starts.First().Issue.ToNewIssue().Body, out var key));
        Assert.True(WorkflowChildRef.TryParse(key, out var reference));
        Assert.Equal(new WorkflowChildRef("content-marketing", 12, new ChildKey("seo", ChildKind.Run, 1, 1)), reference);
    }

    [Fact]
    public void Plan_ChildIssue_CarriesAgentClientAndJsonInput()
    {
        var start = WorkflowPlanner.Plan(ContentMarketing(), Run()).Starts.Single().Issue;
        var issue = start.ToNewIssue();

        Assert.Equal("[Content marketing #12] Write the article", issue.Title);
        Assert.Contains("agent/ai-marketing-agent", issue.Labels);
        Assert.Contains("client/acme", issue.Labels);
        Assert.Contains("### Input\n\n```json\n{\n  \"topic\": \"spring launch\"\n}\n```", issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ChildIssue_EachInputIsAlsoAFormFieldTheAgentReads()
    {
        var workflow = ContentMarketing() with
        {
            Steps = [new WorkflowStep("plan", AgentNames.Developer)
            {
                Inputs = [new("Feature", new WorkflowInputSource("topic")), new("Acceptance criteria", new LiteralSource(JsonNode.Parse("[\"Carts survive a login\",\"Today's café\"]")!)), new("Seats", new LiteralSource(JsonValue.Create(12)))],
            }],
        };

        var body = WorkflowPlanner.Plan(workflow, Run()).Starts.Single().Issue.ToNewIssue().Body;

        Assert.Contains("### Feature\n\nspring launch\n\n", body, StringComparison.Ordinal);
        Assert.Contains("### Acceptance criteria\n\nCarts survive a login\nToday's café\n\n", body, StringComparison.Ordinal);
        Assert.Contains("### Seats\n\n12\n\n", body, StringComparison.Ordinal);
        Assert.Contains("\"Today's café\"", body, StringComparison.Ordinal); // readable in the Input JSON too
    }

    [Fact]
    public void Plan_FailingStep_RetriesThenFailsThenResumesOnRetryWithoutRerunningFinishedSteps()
    {
        var workflow = ContentMarketing(socialRetry: new RetryPolicy(2, FailureAction.Fail));
        ChildObservation[] before = [Done("content", 20, Draft), Done("seo", 21, """{"keywords":["spring"]}""")];

        var firstFailure = WorkflowPlanner.Plan(workflow, Run([.. before, Failed("social", 22, "LinkedIn API timed out")]));
        Assert.Equal(["social/run/r1/a2"], Started(firstFailure));
        Assert.Contains("retrying (attempt 2 of 2)", View(firstFailure, "social").Note, StringComparison.Ordinal);

        ChildObservation[] twice = [.. before, Failed("social", 22, "timed out"), Failed("social", 24, "timed out again", attempt: 2)];
        var failed = WorkflowPlanner.Plan(workflow, Run(twice));
        Assert.Equal(WorkflowStatus.Failed, failed.Status);
        Assert.Empty(failed.Commands);
        Assert.Equal(StepPhase.NotStarted, View(failed, "report").Phase);
        Assert.Contains("timed out again", failed.TaskList, StringComparison.Ordinal);
        Assert.Contains("— not started: `social` did not pass", failed.TaskList, StringComparison.Ordinal);
        Assert.DoesNotContain("not started: not started", failed.TaskList, StringComparison.Ordinal);

        var retried = WorkflowPlanner.Plan(workflow, Run(twice) with { RetryRequests = [new ChildKey("social", ChildKind.Run, 1, 2)] });
        Assert.Equal(["social/run/r1/a3"], Started(retried));
        Assert.Equal(WorkflowStatus.Running, retried.Status);

        var resumed = WorkflowPlanner.Plan(workflow, Run([.. twice, Done("social", 25, "{}", attempt: 3)]) with { RetryRequests = [new ChildKey("social", ChildKind.Run, 1, 2)] });
        Assert.Equal(["report/run/r1/a1"], Started(resumed));
    }

    [Fact]
    public void Plan_FailureWithEscalate_EscalatesOnceWithAStableKey()
    {
        var workflow = ContentMarketing(socialRetry: new RetryPolicy(1, FailureAction.Escalate));
        var run = Run(Done("content", 20, Draft), Running("seo", 21), Failed("social", 22, "boom"));

        var plan = WorkflowPlanner.Plan(workflow, run);

        var escalation = Assert.Single(plan.Commands.OfType<EscalateStep>());
        Assert.Equal("content-marketing#12/social/escalated/r1/a1", escalation.Key);
        Assert.Equal(WorkflowStatus.Running, plan.Status); // seo is still running and finishes first

        var settled = WorkflowPlanner.Plan(workflow, Run(Done("content", 20, Draft), Done("seo", 21, """{"keywords":[]}"""), Failed("social", 22, "boom")));
        Assert.Equal(WorkflowStatus.Escalated, settled.Status);
        Assert.Empty(settled.Starts);
    }

    [Fact]
    public void Plan_OutputViolatesSchema_FailsTheAttemptNamingTheField()
    {
        var plan = WorkflowPlanner.Plan(ContentMarketing(), Run(Done("content", 20, """{"draft":42}""")));

        Assert.Equal(["content/run/r1/a2"], Started(plan));
        Assert.Contains("draft", View(plan, "content").Note, StringComparison.Ordinal);
        Assert.Contains("output schema", View(plan, "content").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_StartInputViolatesSchema_StepFailsNamingTheField()
    {
        var run = Run() with { Inputs = new System.Text.Json.Nodes.JsonObject { ["topic"] = 7 } };

        var plan = WorkflowPlanner.Plan(ContentMarketing(), run);

        Assert.Empty(plan.Starts);
        Assert.Equal(WorkflowStatus.Failed, plan.Status);
        Assert.Contains("topic", View(plan, "content").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CancelRequested_NotStartedStepsCancelledRunningOnesFinish()
    {
        var run = Run(Done("content", 20, Draft), Running("seo", 21)) with { CancelRequested = true };

        var plan = WorkflowPlanner.Plan(ContentMarketing(), run);

        Assert.Empty(plan.Starts);
        Assert.Equal(StepPhase.Cancelled, View(plan, "social").Phase);
        Assert.Equal(StepPhase.Running, View(plan, "seo").Phase);
        Assert.Equal(WorkflowStatus.Running, plan.Status);

        var settled = WorkflowPlanner.Plan(ContentMarketing(), run with { Children = [Done("content", 20, Draft), Done("seo", 21, """{"keywords":[]}""")] });
        Assert.Equal(WorkflowStatus.Cancelled, settled.Status);
    }

    [Fact]
    public void Plan_HumanGate_DependentsWaitForApproval()
    {
        var workflow = ContentMarketing(socialGate: new GatePolicy("operations-manager", "Check the post before it goes out"));
        ChildObservation[] done = [Done("content", 20, Draft), Done("seo", 21, """{"keywords":[]}"""), Done("social", 22, "{}")];

        var gate = WorkflowPlanner.Plan(workflow, Run(done));
        var start = Assert.Single(gate.Starts);
        Assert.Equal("social/gate/r1/a1", start.Key.Value);
        Assert.Contains("review/requested", start.Issue.Labels);
        Assert.Equal(StepPhase.AwaitingGate, View(gate, "social").Phase);

        var approved = WorkflowPlanner.Plan(workflow, Run([.. done, Done("social", 23, """{"approved":true}""", kind: ChildKind.Gate)]));
        Assert.Equal(["report/run/r1/a1"], Started(approved));

        var rejected = WorkflowPlanner.Plan(workflow, Run([.. done, Done("social", 23, """{"approved":false,"feedback":"off-brand"}""", kind: ChildKind.Gate)]));
        Assert.Equal(WorkflowStatus.Failed, rejected.Status);
        Assert.Contains("off-brand", View(rejected, "social").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_StepFailsBeforeASiblingStarted_TheSiblingAndItsDependentsShowNotStarted()
    {
        var workflow = new WorkflowDefinition("w", "W",
        [
            new WorkflowStep("a", Core.Labels.AgentNames.Marketing),
            new WorkflowStep("b", Core.Labels.AgentNames.Marketing) { Needs = ["a"] },
            new WorkflowStep("c", Core.Labels.AgentNames.Sales) { Retry = new RetryPolicy(1, FailureAction.Fail) },
        ]);

        var plan = WorkflowPlanner.Plan(workflow, Run(Failed("c", 22, "boom")));

        Assert.Empty(plan.Starts);
        Assert.Equal(WorkflowStatus.Failed, plan.Status);
        Assert.Equal(StepPhase.NotStarted, View(plan, "a").Phase);
        Assert.Equal(StepPhase.NotStarted, View(plan, "b").Phase);
        Assert.DoesNotContain("waiting", plan.TaskList, StringComparison.Ordinal);
    }
}
