using System.Text.Json.Nodes;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Tests.Workflows;

/// <summary>Workflows and child observations for the planner tests.</summary>
internal static class Flows
{
    /// <summary>content → (seo ∥ social) → report.</summary>
    public static WorkflowDefinition ContentMarketing(ReviewPolicy? seoReview = null, RetryPolicy? socialRetry = null, GatePolicy? socialGate = null) => new(
        "content-marketing",
        "Content marketing",
        [
            new WorkflowStep("content", AgentNames.Marketing)
            {
                Title = "Write the article",
                Inputs = [new("topic", new WorkflowInputSource("topic"))],
                InputSchema = StepSchema.Parse("""{"type":"object","required":["topic"],"properties":{"topic":{"type":"string"}}}"""),
                OutputSchema = StepSchema.Parse("""{"type":"object","required":["draft"],"properties":{"draft":{"type":"string"},"keywords":{"type":"array"}}}"""),
            },
            new WorkflowStep("seo", AgentNames.Marketing)
            {
                Needs = ["content"],
                Inputs = [new("draft", new StepOutputSource("content", "draft"))],
                InputSchema = StepSchema.Parse("""{"type":"object","properties":{"draft":{"type":"string"}}}"""),
                OutputSchema = StepSchema.Parse("""{"type":"object","required":["keywords"],"properties":{"keywords":{"type":"array","items":{"type":"string"}}}}"""),
                Review = seoReview,
            },
            new WorkflowStep("social", AgentNames.Marketing)
            {
                Needs = ["content"],
                Inputs = [new("draft", new StepOutputSource("content", "draft")), new("channels", new LiteralSource(new JsonArray("linkedin")))],
                Retry = socialRetry ?? RetryPolicy.Default,
                Gate = socialGate,
            },
            new WorkflowStep("report", AgentNames.Analytics)
            {
                Needs = ["seo", "social"],
                Inputs = [new("keywords", new StepOutputSource("seo", "keywords"))],
            },
        ]);

    public static WorkflowRun Run(params ChildObservation[] children) =>
        new(12, "acme", new JsonObject { ["topic"] = "spring launch" }, children);

    public static ChildObservation Done(string step, int issue, string outputs, int round = 1, int attempt = 1, ChildKind kind = ChildKind.Run) =>
        new(new ChildKey(step, kind, round, attempt), ChildStatus.Done, issue, JsonNode.Parse(outputs)!.AsObject(), null);

    public static ChildObservation Running(string step, int issue, int round = 1, int attempt = 1, ChildKind kind = ChildKind.Run) =>
        new(new ChildKey(step, kind, round, attempt), ChildStatus.Running, issue, null, null);

    public static ChildObservation Failed(string step, int issue, string error, int round = 1, int attempt = 1) =>
        new(new ChildKey(step, ChildKind.Run, round, attempt), ChildStatus.Failed, issue, null, error);

    public static IReadOnlyList<string> Started(WorkflowPlan plan) => [.. plan.Starts.Select(s => s.Key.Value)];

    public static StepView View(WorkflowPlan plan, string step) => plan.Steps.Single(s => s.Step.Id == step);
}
