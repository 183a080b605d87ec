namespace BusinessOps.Core.Governance;

/// <summary>What the autonomy gate lets an agent do with a plan.</summary>
public enum GateDecision
{
    /// <summary>Execute now and report afterwards.</summary>
    ExecuteAndReport = 0,

    /// <summary>Post the plan and wait for an approval (<c>status/awaiting-approval</c>).</summary>
    RequireApproval,

    /// <summary>Post a decision brief and let a human decide (<c>status/awaiting-decision</c>).</summary>
    DecisionSupport,
}
