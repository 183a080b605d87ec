using System.Diagnostics;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Tests.Support;
using Xunit.Abstractions;

namespace BusinessOps.GitHub.Tests;

/// <summary>The issue's request budgets at 10,000 issues, measured on the fake (numbers printed for docs/BENCHMARKS.md).</summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TenThousandIssues_ColdIdleAndOneNewIssue_StayWithinRequestBudgets()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(10_000, ["priority/P3", "status/queued"]);
        var watch = Stopwatch.StartNew();

        var cold = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var coldTime = watch.Elapsed;
        var coldCounters = h.Server.Counters.ToString();
        var coldRequests = h.Server.Counters.Requests;
        h.Server.Counters.Reset();
        watch.Restart();
        var idle = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var idleTime = watch.Elapsed;
        var idleCounters = h.Server.Counters.ToString();
        var idleRequests = h.Server.Counters.Requests;
        var idleCost = h.Server.Counters.RateLimitCost;
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        h.Server.SeedIssue("New P0", labels: ["priority/P0"]);
        h.Server.Counters.Reset();
        var busy = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        output.WriteLine($"cold: {coldCounters} in {coldTime.TotalMilliseconds:0} ms");
        output.WriteLine($"idle: {idleCounters} in {idleTime.TotalMilliseconds:0} ms");
        output.WriteLine($"one new issue: {h.Server.Counters}");
        Assert.Equal(10_000, cold.Count);
        Assert.Equal(10_000, idle.Count);
        Assert.Equal(10_001, busy.Count);
        // ceil(N/100) issue-list pages plus one repository-wide comments page (the probe that catches edited comments).
        Assert.True(coldRequests <= 101, coldCounters);
        Assert.Equal(0, idleCost);
        Assert.True(idleRequests <= 3, idleCounters);
        Assert.True(h.Server.Counters.Requests <= 2, h.Server.Counters.ToString());
    }
}
