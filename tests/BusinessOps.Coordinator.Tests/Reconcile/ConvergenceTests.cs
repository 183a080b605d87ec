using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// No write storms (issue 15, item 4): a crossed threshold — spend, an approval timeout, a policy edit — changes only
/// what must change; a waiting plan gets at most one note per cause, the backup approver is pinged once per plan, and
/// the pass after that over the converged issues makes no write at all.
/// </summary>
public sealed class ConvergenceTests
{
    private const int Waiting = 12;
    private const int Finished = 8;

    [Fact]
    public async Task RunOnce_ThresholdsCrossed_OneNotePerCauseThenZeroWrites()
    {
        var s = new Shell();
        var waiting = new List<int>();
        for (var i = 0; i < Waiting; i++)
        {
            waiting.Add(await s.FileAsync($"Pay invoice {i}", "### Invoice\n\nAmount: $4,000", "finance/analysis", "priority/P2"));
        }

        for (var i = 0; i < Finished; i++)
        {
            await s.FileAsync($"QA {i}", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");
        }

        s.Executor.Script = r => r.Agent == "ai-finance-agent" ? Plans.Invoice(r) : Plans.Routine(r);
        await s.PassAsync();
        Assert.Equal(0, (await s.PassAsync()).Writes);

        // The synchronous approval timeout (5 minutes) passes: one backup ping per waiting plan, and its status says so.
        s.Clock.Advance(TimeSpan.FromMinutes(6));
        var timeout = await s.PassAsync();
        Assert.Equal(Waiting * 2, timeout.Writes);
        Assert.Equal(0, (await s.PassAsync()).Writes);

        // Spend passes the daily limit through one more run: nothing already gated or done changes.
        var big = await s.FileAsync("Big analysis", "### Request\n\nall", "analytics/kpi", "priority/P2");
        s.Executor.Script = r => r.Issue.Number == big ? Plans.Result(r, AgentOutcome.Completed, Classification.Routine, cost: 60m) : Plans.Routine(r);
        await s.PassAsync();
        Assert.Equal(0, (await s.PassAsync()).Writes);

        // A policy edit that renames who approves: each waiting status comment changes once, nothing else.
        s.Policies = s.Policies with { Approvals = s.Policies.Approvals with { FinancialTiers = [.. s.Policies.Approvals.FinancialTiers.Select(t => t.Role == "finance-manager" ? t with { Role = "cfo" } : t)] } };
        var edit = await s.PassAsync();
        Assert.Equal(Waiting, edit.Writes);
        Assert.Equal(0, (await s.PassAsync()).Writes);

        foreach (var n in waiting)
        {
            var issue = await s.IssueAsync(n);
            Assert.Single(issue.Comments, c => c.Body.Contains("@olivia", StringComparison.Ordinal));
            Assert.Contains("status/awaiting-approval", issue.Labels);
        }
    }
}
