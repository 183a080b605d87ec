using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class ApprovalRepliesTests
{
    private static readonly ApprovalPolicy P = ApprovalPolicy.Default;

    private static ApprovalRequirement Req(decimal usd, Stakeholders s = Stakeholders.Internal, AutonomyMode mode = AutonomyMode.SemiAuto, params string[] labels) =>
        ApprovalRouter.For(new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, s, usd), labels, P, mode);

    [Fact]
    public void WhoMayApprove_SingleRole_LoginsAndRole()
    {
        Assert.Equal("carla (CFO)", ApprovalReplies.WhoMayApprove(Req(12000m), P));
    }

    [Fact]
    public void WhoMayApprove_ConsensusAndCustomer_ListsBoth()
    {
        Assert.Equal(
            "bob, beatrice (Board, 2 distinct approvers); casey (Customer success manager)",
            ApprovalReplies.WhoMayApprove(Req(30000m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme"), P));
    }

    [Fact]
    public void WhoMayApprove_Collaborator_Describes()
    {
        Assert.Equal("any collaborator with write permission other than the issue's author", ApprovalReplies.WhoMayApprove(Req(10m, mode: AutonomyMode.Manual), P));
    }

    [Fact]
    public void WhoMayApprove_Widened_MentionsBackup()
    {
        var req = ApprovalRouter.WidenTo(Req(2000m), "operations-manager", P);

        Assert.Equal("fiona (Finance manager); as backup: olivia (Operations manager)", ApprovalReplies.WhoMayApprove(req, P));
    }

    [Fact]
    public void WhoMayApprove_EmptyRole_SaysNobody()
    {
        var p = P with { CustomerTiers = [new CustomerTier(CustomerScope.One, "vp-sales")] };
        var req = ApprovalRouter.For(new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m), ["client/a"], p, AutonomyMode.SemiAuto);

        Assert.StartsWith("nobody", ApprovalReplies.WhoMayApprove(req, p), StringComparison.Ordinal);
    }

    [Fact]
    public void ForIgnored_NotInRole_FullReply()
    {
        var ignored = new IgnoredCommand(1, "fiona", CommandKind.Approve, "fiona is not in role cfo");

        Assert.Equal(
            "`/approve` from fiona did not count: fiona is not in role cfo. Who may approve: carla (CFO).",
            ApprovalReplies.ForIgnored(ignored, Req(12000m), P));
    }

    [Fact]
    public void ForIgnored_RejectWithHostileLogin_Neutralized()
    {
        var ignored = new IgnoredCommand(1, "@x<y>", CommandKind.Reject, "bots never reject");

        var reply = ApprovalReplies.ForIgnored(ignored, Req(12000m), P);

        Assert.StartsWith("`/reject` from @\u200Dx&lt;y&gt; did not count: bots never reject. Who may reject:", reply, StringComparison.Ordinal);
    }
}
