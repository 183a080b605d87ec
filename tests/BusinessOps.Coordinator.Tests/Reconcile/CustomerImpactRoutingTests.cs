using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// Customer-impact approvals go where <c>policies/approvals.yml</c> says (one client → customer success manager,
/// <c>customer/enterprise</c> → CEO), read from the status comment the real shell writes.
/// </summary>
public sealed class CustomerImpactRoutingTests
{
    private static readonly Classification CustomerFacing = new(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);

    [Theory]
    [InlineData(new[] { "client/acme" }, "Customer success manager 0 of 1")]
    [InlineData(new[] { "client/acme", "client/globex" }, "Head of customer success 0 of 1")]
    [InlineData(new[] { "client/acme", "customer/enterprise" }, "CEO 0 of 1")]
    public async Task RunOnce_CustomerFacingPlan_WaitsForThePolicyRole(string[] customerLabels, string waitingFor)
    {
        var s = new Shell();
        s.Executor.Script = r => Plans.NeedsApproval(r, CustomerFacing);
        var n = await s.FileAsync("Refund the duplicate charge", "### Request\n\nrefund it", ["support/billing", "priority/P2", .. customerLabels]);

        await s.PassAsync();

        Assert.Contains("status/awaiting-approval", (await s.IssueAsync(n)).Labels);
        Assert.Contains("Waiting for approval: " + waitingFor + ".", await s.StatusCommentAsync(n), StringComparison.Ordinal);
    }
}
