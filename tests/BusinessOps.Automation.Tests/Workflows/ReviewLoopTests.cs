using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Labels;
using static BusinessOps.Automation.Tests.Workflows.Flows;

namespace BusinessOps.Automation.Tests.Workflows;

public sealed class ReviewLoopTests
{
    private const string Draft = """{"draft":"Spring is here"}""";
    private static readonly WorkflowDefinition Workflow = ContentMarketing(seoReview: new ReviewPolicy(AgentNames.Manager, null, 0.8, 3) { Criteria = "brand voice" });

    [Fact]
    public void Review_SentBackTwiceThenPasses_FeedbackReachesEachNewRound()
    {
        var seo1 = Done("seo", 21, """{"keywords":["spring"]}""");
        var social = Done("social", 22, "{}");
        var content = Done("content", 20, Draft);

        // Round 1 done → review.
        var review1 = WorkflowPlanner.Plan(Workflow, Run(content, seo1, social));
        var r1 = Assert.Single(review1.Starts);
        Assert.Equal("seo/review/r1/a1", r1.Key.Value);
        Assert.Contains("agent/ai-manager-agent", r1.Issue.Labels);
        Assert.Equal("""["spring"]""", r1.Input["outputs"]!["keywords"]!.ToJsonString());
        Assert.Equal(StepPhase.InReview, View(review1, "seo").Phase);

        // Below the bar → round 2 with the feedback.
        var low1 = Done("seo", 23, """{"score":0.5,"feedback":"too generic"}""", kind: ChildKind.Review);
        var back1 = WorkflowPlanner.Plan(Workflow, Run(content, seo1, social, low1));
        var r2 = Assert.Single(back1.Starts);
        Assert.Equal("seo/run/r2/a1", r2.Key.Value);
        Assert.Equal("too generic", (string?)r2.Input["reviewFeedback"]!["feedback"]);
        Assert.Equal("Spring is here", (string?)r2.Input["draft"]);
        Assert.Contains("round 2 of 3", View(back1, "seo").Note, StringComparison.Ordinal);

        // Round 2 below the bar again → round 3.
        var seo2 = Done("seo", 24, """{"keywords":["spring","sale"]}""", round: 2);
        var low2 = Done("seo", 25, """{"score":0.7,"feedback":"closer; add the city"}""", round: 2, kind: ChildKind.Review);
        var back2 = WorkflowPlanner.Plan(Workflow, Run(content, seo1, social, low1, seo2, low2));
        var r3 = Assert.Single(back2.Starts);
        Assert.Equal("seo/run/r3/a1", r3.Key.Value);
        Assert.Equal("closer; add the city", (string?)r3.Input["reviewFeedback"]!["feedback"]);
        Assert.Equal("""["spring","sale"]""", r3.Input["reviewFeedback"]!["previousOutputs"]!["keywords"]!.ToJsonString());

        // Round 3 passes → the report starts with round 3's outputs.
        var seo3 = Done("seo", 26, """{"keywords":["spring","sale","portland"]}""", round: 3);
        var pass = Done("seo", 27, """{"score":0.9,"feedback":"good"}""", round: 3, kind: ChildKind.Review);
        var passed = WorkflowPlanner.Plan(Workflow, Run(content, seo1, social, low1, seo2, low2, seo3, pass));
        var report = Assert.Single(passed.Starts);
        Assert.Equal("report/run/r1/a1", report.Key.Value);
        Assert.Equal("""["spring","sale","portland"]""", report.Input["keywords"]!.ToJsonString());
        Assert.Equal(StepPhase.Passed, View(passed, "seo").Phase);
    }

    [Fact]
    public void Review_BelowTheBarAfterTheLastRound_Escalates()
    {
        var children = new List<ChildObservation> { Done("content", 20, Draft), Done("social", 22, "{}") };
        for (var round = 1; round <= 3; round++)
        {
            children.Add(Done("seo", 30 + round, """{"keywords":["x"]}""", round: round));
            children.Add(Done("seo", 40 + round, """{"score":0.3,"feedback":"no"}""", round: round, kind: ChildKind.Review));
        }

        var plan = WorkflowPlanner.Plan(Workflow, Run([.. children]));

        Assert.Equal(WorkflowStatus.Escalated, plan.Status);
        Assert.Contains("below the bar after 3 review rounds (score 0.3 < 0.8)", View(plan, "seo").Note, StringComparison.Ordinal);
        Assert.Single(plan.Commands.OfType<EscalateStep>());
        Assert.Empty(plan.Starts);
    }

    [Fact]
    public void Review_ByAPersonWithARole_ApprovedVerdictPasses()
    {
        var workflow = ContentMarketing(seoReview: new ReviewPolicy(null, "marketing-lead", 0, 2));
        var children = new[] { Done("content", 20, Draft), Done("social", 22, "{}"), Done("seo", 21, """{"keywords":[]}""") };

        var review = Assert.Single(WorkflowPlanner.Plan(workflow, Run(children)).Starts);
        Assert.Contains("review/requested", review.Issue.Labels);
        Assert.Contains("marketing-lead", review.Issue.ToNewIssue().Body, StringComparison.Ordinal);

        var approved = WorkflowPlanner.Plan(workflow, Run([.. children, Done("seo", 23, """{"approved":true}""", kind: ChildKind.Review)]));
        Assert.Equal(["report/run/r1/a1"], Started(approved));
    }

    [Fact]
    public void Review_WithoutAScore_EscalatesSayingWhatIsMissing()
    {
        var children = new[] { Done("content", 20, Draft), Done("social", 22, "{}"), Done("seo", 21, """{"keywords":[]}"""), Done("seo", 23, """{"comment":"nice"}""", kind: ChildKind.Review) };

        var plan = WorkflowPlanner.Plan(Workflow, Run(children));

        Assert.Contains("gave neither 'approved' nor a numeric 'score'", View(plan, "seo").Note, StringComparison.Ordinal);
    }
}
