using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class AutonomyGateTests
{
    [Theory]
    [InlineData(AutonomyLevel.L1, AutonomyMode.Manual, GateDecision.RequireApproval)]
    [InlineData(AutonomyLevel.L2, AutonomyMode.Manual, GateDecision.RequireApproval)]
    [InlineData(AutonomyLevel.L3, AutonomyMode.Manual, GateDecision.DecisionSupport)]
    [InlineData(AutonomyLevel.L1, AutonomyMode.SemiAuto, GateDecision.ExecuteAndReport)]
    [InlineData(AutonomyLevel.L2, AutonomyMode.SemiAuto, GateDecision.RequireApproval)]
    [InlineData(AutonomyLevel.L3, AutonomyMode.SemiAuto, GateDecision.DecisionSupport)]
    [InlineData(AutonomyLevel.L1, AutonomyMode.FullAuto, GateDecision.ExecuteAndReport)]
    [InlineData(AutonomyLevel.L2, AutonomyMode.FullAuto, GateDecision.ExecuteAndReport)]
    [InlineData(AutonomyLevel.L3, AutonomyMode.FullAuto, GateDecision.DecisionSupport)]
    public void Decide_LevelAndMode_MatchesIssue(AutonomyLevel level, AutonomyMode mode, GateDecision expected)
    {
        Assert.Equal(expected, AutonomyGate.Decide(level, mode));
    }

    [Fact]
    public void Decide_UnknownMode_RequiresApproval()
    {
        Assert.Equal(GateDecision.RequireApproval, AutonomyGate.Decide(AutonomyLevel.L1, (AutonomyMode)42));
    }
}
