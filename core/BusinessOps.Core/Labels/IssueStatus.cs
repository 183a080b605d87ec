namespace BusinessOps.Core.Labels;

/// <summary>The lifecycle states of ARCHITECTURE.md §4; exactly one <c>status/*</c> label at a time.</summary>
public enum IssueStatus
{
    /// <summary>No status label yet: never seen by the coordinator.</summary>
    New,
    Queued,
    InProgress,
    AwaitingApproval,
    AwaitingDecision,
    Done,
    Failed,
    Escalated,
    NeedsTriage,
    OnHold,
}
