namespace BusinessOps.Automation.Workflows;

/// <summary>
/// One workflow of <c>policies/workflows/*.yml</c>: named steps forming a DAG through <c>needs</c>. A parent issue
/// with a task list stands for a run; each step becomes a child issue once what it needs has passed.
/// </summary>
public sealed record WorkflowDefinition(string Name, string Title, IReadOnlyList<WorkflowStep> Steps)
{
    public string Description { get; init; } = string.Empty;

    /// <summary>The schema of the values given at start (<c>--input key=value</c>), if declared.</summary>
    public StepSchema? InputSchema { get; init; }

    /// <summary>The step called <paramref name="id"/>, or null.</summary>
    public WorkflowStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}
