using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>
/// An approved plan without effects is simply done, and stays so without writes: found by trying the demo (its approved
/// customer-success and security plans got the same "approved" audit entry appended on every pass, two writes per idle pass).
/// </summary>
public sealed class DecideApprovedPlanWithoutEffectsTests
{
    // $3,000: L2, routed to the finance manager (fiona in the default policy).
    private static readonly Classification Invoice = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    [Fact]
    public async Task Decide_ApprovedPlanWithoutEffects_LaterPassesWriteNothing()
    {
        var h = new DecideHarness();
        h.Store.SetPermission("fiona", RepositoryPermission.Write);
        var n = await h.FileAsync("Review the Initech invoice", "### Vendor\n\nInitech", "finance/analysis", "priority/P2");
        await h.PassAsync(n);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.AgentResult(n, h.Dispatched[^1].Key, AgentOutcome.Completed, agent: AgentNames.Finance, classification: Invoice, effects: []);
        await h.PassAsync(n);
        Assert.Contains("status/awaiting-approval", (await h.IssueAsync(n)).Labels);
        h.Say(n, "fiona", "/approve");
        await h.PassAsync(n);
        Assert.Contains("status/done", (await h.IssueAsync(n)).Labels);
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await h.DecideAsync(n);

        Assert.Empty(again);
        Assert.Single((await h.StateAsync(n)).Audit!, a => a.Decision == "approved");
    }
}
