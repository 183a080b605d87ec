namespace BusinessOps.Core.Results;

/// <summary>Serialized kebab-case: <c>completed</c>, <c>needs-approval</c>, <c>needs-decision</c>, <c>failed</c>.</summary>
public enum AgentOutcome
{
    Completed,
    NeedsApproval,
    NeedsDecision,
    Failed,
}
