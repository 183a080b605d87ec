using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// What to do next for one run: the commands (children to open in parallel, escalations), the parent's status and
/// task-list Markdown, each step's view, and — once completed — every step's outputs by step id.
/// </summary>
public sealed record WorkflowPlan(WorkflowStatus Status, IReadOnlyList<WorkflowCommand> Commands, IReadOnlyList<StepView> Steps, string TaskList)
{
    public JsonObject? Outputs { get; init; }

    public IEnumerable<StartChild> Starts => Commands.OfType<StartChild>();
}
