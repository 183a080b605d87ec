using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>A plan that was carried out is never gated again: a spending limit gates new executions only.</summary>
public sealed class DoneIsDoneTests
{
    [Fact]
    public async Task RunOnce_SpendPassesDailyLimit_FinishedIssuesStayDoneAndPassWritesNothing()
    {
        var s = new Shell();
        var done = new[]
        {
            await s.FileAsync("QA 1", "### Test results\n\n<xml/>", "dev/qa", "priority/P2"),
            await s.FileAsync("QA 2", "### Test results\n\n<xml/>", "dev/qa", "priority/P2"),
            await s.FileAsync("QA 3", "### Test results\n\n<xml/>", "dev/qa", "priority/P2"),
        };
        await s.PassAsync();
        Assert.Equal(0, (await s.PassAsync()).Writes);
        foreach (var n in done)
        {
            Assert.Contains("status/done", (await s.IssueAsync(n)).Labels);
        }

        // Another issue's run costs more than the whole daily limit ($50): today's spend is now past it.
        var expensive = await s.FileAsync("Big analysis", "### Request\n\nall of it", "analytics/kpi", "priority/P2");
        s.Executor.Script = r => r.Issue.Number == expensive ? Plans.Result(r, AgentOutcome.Completed, Classification.Routine, cost: 60m) : Plans.Routine(r);
        await s.PassAsync();
        s.Clock.Advance(TimeSpan.FromMinutes(1));

        var pass = await s.PassAsync();

        Assert.Equal(0, pass.Writes);
        foreach (var n in done)
        {
            Assert.Contains("status/done", (await s.IssueAsync(n)).Labels);
            Assert.DoesNotContain("status/awaiting-approval", (await s.IssueAsync(n)).Labels);
        }
    }
}
