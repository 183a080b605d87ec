namespace BusinessOps.Automation.Workflows;

/// <summary>The parent issue's state, following its children.</summary>
public enum WorkflowStatus
{
    Running,
    Completed,
    Failed,
    Escalated,
    Cancelled,
}
