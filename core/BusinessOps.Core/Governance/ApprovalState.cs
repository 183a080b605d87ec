namespace BusinessOps.Core.Governance;

/// <summary>Outcome of evaluating the approval comments of a plan.</summary>
public enum ApprovalState
{
    /// <summary>Not enough valid approvals yet (or a permission lookup is outstanding).</summary>
    Pending = 0,

    /// <summary>Every required role has its distinct approvers (or the requirement is automatic).</summary>
    Approved,

    /// <summary>An eligible approver rejected the current plan.</summary>
    Rejected,
}
