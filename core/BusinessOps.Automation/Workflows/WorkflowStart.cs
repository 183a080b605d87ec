using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Workflows;

/// <summary>The parent issue to open for a new run, or why the run cannot start (start inputs violating the workflow's schema).</summary>
public sealed record WorkflowStart(IssueSpec? Parent, IReadOnlyList<string> Problems)
{
    public bool IsValid => Parent is not null && Problems.Count == 0;
}
