using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using static BusinessOps.Automation.Tests.Workflows.Flows;

namespace BusinessOps.Automation.Tests.Workflows;

public sealed class WorkflowStarterTests
{
    private static readonly WorkflowDefinition Workflow = ContentMarketing() with
    {
        InputSchema = StepSchema.Parse("""{"type":"object","required":["topic"],"properties":{"topic":{"type":"string"},"budget":{"type":"number"}}}"""),
    };

    [Fact]
    public void Start_ValidInputs_ParentWithWorkflowAndClientLabelsAndAStableKey()
    {
        var inputs = WorkflowStarter.ParseInputs(Workflow, ["topic=42 ways to hike", "budget=1500"], out var problems);

        var start = WorkflowStarter.Start(Workflow, inputs, "acme", "cli-7");

        Assert.Empty(problems);
        Assert.True(start.IsValid);
        Assert.Equal("42 ways to hike", (string?)inputs["topic"]); // declared a string: not read as a number
        Assert.Equal(1500, (double)inputs["budget"]!);
        Assert.Equal(["workflow/content-marketing", "client/acme"], start.Parent!.Labels);
        Assert.True(AutomationMarker.TryParse(start.Parent.ToNewIssue().Body, out var key));
        Assert.Equal("content-marketing", WorkflowStarter.WorkflowOf(key));
    }

    [Fact]
    public void Start_MissingRequiredInput_RefusedNamingTheField()
    {
        var start = WorkflowStarter.Start(Workflow, new JsonObject { ["budget"] = 3 }, null, "cli-8");

        Assert.False(start.IsValid);
        Assert.Contains(start.Problems, p => p.Contains("topic", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseInputs_NotKeyValue_Reported()
    {
        WorkflowStarter.ParseInputs(Workflow, ["topic"], out var problems);

        Assert.Equal(["'topic' is not key=value"], problems);
    }

    [Fact]
    public void Validate_ShippedShapeInCode_HasNoProblems() => Assert.Empty(WorkflowValidator.Validate(Workflow));
}
