using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>Combines the autonomy level with the policy's mode (issue 5, "Modes").</summary>
public static class AutonomyGate
{
    /// <summary>
    /// <c>manual</c>: L1 and L2 need approval, L3 decision support. <c>semi-auto</c>: L1 executes, L2 needs
    /// approval, L3 decision support. <c>full-auto</c>: L1 and L2 execute, L3 still only recommends.
    /// </summary>
    public static GateDecision Decide(AutonomyLevel level, AutonomyMode mode)
    {
        if (level >= AutonomyLevel.L3)
        {
            return GateDecision.DecisionSupport;
        }

        return mode switch
        {
            AutonomyMode.FullAuto => GateDecision.ExecuteAndReport,
            AutonomyMode.SemiAuto => level <= AutonomyLevel.L1 ? GateDecision.ExecuteAndReport : GateDecision.RequireApproval,

            // Manual, and any mode this code does not know: the safe answer is a human approval.
            _ => GateDecision.RequireApproval,
        };
    }
}
