using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using Xunit;
using static BusinessOps.Core.Tests.Kpis.FactsSamples;

namespace BusinessOps.Core.Tests.Kpis;

public sealed class KpiCalculatorTests
{
    // A week ending 8 days after T0 (09:00 UTC): the period is [midnight of T0 + 2 d, T0 + 8 d).
    private static readonly DateTimeOffset Now = T0.AddDays(8);

    private static KpiSnapshot Week(IEnumerable<IssueFacts> facts, string? client = null) =>
        KpiCalculator.Compute(facts, KpiQuery.For(KpiPeriodKind.Week, Now, client));

    private static TimeSpan D(double days) => TimeSpan.FromDays(days);

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public void Compute_KnownSet_GivesTheHandCountedAnswers()
    {
        IssueFacts[] facts =
        [
            // Done in the period, automated, in SLA: 1 h, 2 h, 3 h, 4 h to done.
            Facts(1, created: D(2), done: D(2) + H(1), cost: 0.10m),
            Facts(2, created: D(2), done: D(2) + H(2), cost: 0.20m),
            Facts(3, created: D(3), done: D(3) + H(3), cost: 0.30m, priority: Priority.P1),
            Facts(4, created: D(3), done: D(3) + H(4), cost: 0.40m, agent: AgentNames.Finance, clients: ["acme"]),

            // Done in the period with a human approval, and breached.
            Facts(5, created: D(4), done: D(4) + H(10), human: true, breached: true, priority: Priority.P1, clients: ["acme"], results: 2, failed: 1),

            // Open, in progress: processed, not done; one failed result of two.
            Facts(6, status: IssueStatus.InProgress, created: D(5), results: 2, failed: 1),

            // Awaiting approval for 6 hours now.
            Facts(7, status: IssueStatus.AwaitingApproval, created: D(7), waitingSince: D(8) - H(6), results: 1),

            // Done before the period: not in it.
            Facts(8, created: D(0), done: D(0) + H(1)),

            // Never touched by the coordinator.
            Facts(9, status: IssueStatus.New, created: D(6), firstAction: null, results: 0) with { FirstActionAt = null },
        ];

        var s = Week(facts);

        Assert.Equal(9, s.Issues);
        Assert.Equal(7, s.Overall.Processed);
        Assert.Equal(5, s.Overall.Done);
        Assert.Equal(4, s.Overall.Automated);
        Assert.Equal(0.8, s.Overall.AutomationRate);
        Assert.Equal(5, s.Overall.SlaTotal);
        Assert.Equal(4, s.Overall.SlaMet);
        Assert.Equal(0.8, s.Overall.SlaCompliance);
        Assert.Equal(9, s.Overall.Results);
        Assert.Equal(2, s.Overall.FailedResults);
        Assert.Equal(0.2222, s.Overall.ErrorRate);
        Assert.Equal(1.03m, s.Overall.CostUsd);
        Assert.Equal(Math.Round(1.03m / 7, 4), s.Overall.CostPerOperation);

        // Time to done: 1, 2, 3, 4, 10 hours → p50 = 3 h (rank 3 of 5), p95 = 10 h (rank 5).
        Assert.Equal(new DurationStats(5, 3 * 3600, 10 * 3600), s.TimeToDone);

        // First action one minute after filing for the 7 acted on in the period (#8's was before it).
        Assert.Equal(new DurationStats(7, 60, 60), s.TimeToFirstAction);

        Assert.Equal(1, s.Pending.Approvals);
        Assert.Equal(6 * 3600, s.Pending.OldestSeconds);
        Assert.Equal([false, false, false], s.Measures.Select(m => m.Met ?? true));
        Assert.Equal(0.5, s.ByPriority["P1"].SlaCompliance);
        Assert.Equal(1.0, s.ByPriority["P2"].SlaCompliance);
        Assert.Equal(2, s.ByClient["acme"].Done);
        Assert.Equal(5, s.ByClient[KpiCalculator.Internal].Processed);
        Assert.Equal(1, s.ByAgent[AgentNames.Finance].Processed);
        Assert.Equal(7, s.ByDay.Count);
        Assert.Equal(2, s.ByDay[1].Values.Done);
        Assert.Equal([7], s.Attention.Select(a => a.Number));
    }

    [Fact]
    public void Compute_ForAClient_CountsOnlyItsIssues()
    {
        var s = Week([Facts(1, created: D(2), done: D(2) + H(1), clients: ["acme"]), Facts(2, created: D(2), done: D(2) + H(1), clients: ["globex"]), Facts(3, created: D(2), done: D(2) + H(1))], client: "ACME");

        Assert.Equal("acme", s.Client);
        Assert.Equal(1, s.Issues);
        Assert.Equal(1, s.Overall.Done);
        Assert.Equal(["acme"], s.ByClient.Keys);
    }

    [Fact]
    public void Compute_NothingToMeasure_RatesAreNullNotPerfect()
    {
        var s = Week([]);

        Assert.Null(s.Overall.AutomationRate);
        Assert.Null(s.Overall.SlaCompliance);
        Assert.Null(s.Overall.ErrorRate);
        Assert.Null(s.Overall.CostPerOperation);
        Assert.All(s.Measures, m => Assert.Null(m.Met));
        Assert.Equal(WorkflowTally.None, s.Workflows);
    }

    [Fact]
    public void Compute_ScheduledWork_CountsSlotsAndWorkflowsOpenedInThePeriod()
    {
        var s = Week(
        [
            Facts(1, created: D(2), done: D(2) + H(1), origin: AutomationOrigin.Slot),
            Facts(2, status: IssueStatus.InProgress, created: D(3), origin: AutomationOrigin.Workflow),
            Facts(3, created: D(3), done: D(3) + H(1), origin: "feed"),
            Facts(4, created: D(0), done: D(0) + H(1), origin: AutomationOrigin.Slot),
        ]);

        Assert.Equal(new WorkflowTally(2, 1), s.Workflows);
    }

    [Fact]
    public void Compute_Attention_OrdersApprovalsFirstThenByPriorityAndAge()
    {
        var s = Week(
        [
            Facts(1, status: IssueStatus.Escalated, created: D(7), escalated: true),
            Facts(2, status: IssueStatus.AwaitingApproval, created: D(7), waitingSince: D(7) + H(2), priority: Priority.P3),
            Facts(3, status: IssueStatus.AwaitingApproval, created: D(7), waitingSince: D(7) + H(3), priority: Priority.P0),
            Facts(4, status: IssueStatus.InProgress, created: D(7), breached: true),
            Facts(5, status: IssueStatus.AwaitingApproval, created: D(7), waitingSince: D(7), state: BusinessOps.Core.Issues.IssueState.Closed),
        ]);

        Assert.Equal([3, 2, 1, 4], s.Attention.Select(a => a.Number));
        Assert.Equal(AttentionKind.Breach, s.Attention[^1].Kind);
    }

    [Fact]
    public void Compute_ActedOnAtTheVeryMomentOfTheReport_IsInThePeriod()
    {
        // The period runs up to the moment the report is made, that moment included: an issue filed, acted on and done
        // at `now` counts now — not only in the next report, which made the dashboard rewrite itself one pass later.
        var s = Week([Facts(1, created: D(8), firstAction: D(8), done: D(8))]);

        Assert.Equal(1, s.Overall.Processed);
        Assert.Equal(1, s.Overall.Done);
        Assert.Equal(1, s.TimeToFirstAction.Count);
        Assert.Equal(1, s.ByDay[^1].Values.Done);
    }

    [Theory]
    [InlineData("day", KpiPeriodKind.Day, true)]
    [InlineData(" WEEK ", KpiPeriodKind.Week, true)]
    [InlineData("month", KpiPeriodKind.Month, true)]
    [InlineData("quarter", KpiPeriodKind.Week, false)]
    [InlineData(null, KpiPeriodKind.Week, false)]
    public void KpiPeriod_TryParse_AcceptsTheThreeNames(string? text, KpiPeriodKind expected, bool ok)
    {
        Assert.Equal(ok, KpiPeriod.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void DurationStats_NearestRank()
    {
        Assert.Equal(new DurationStats(4, 2, 4), DurationStats.Of([4, 1, 3, 2]));
        Assert.Equal(new DurationStats(1, 7, 7), DurationStats.Of([7]));
        Assert.Equal(DurationStats.Empty, DurationStats.Of([]));
    }

    [Fact]
    public void KpiJson_RoundTripsTheShape()
    {
        var s = Week([Facts(1, created: D(2), done: D(2) + H(1), clients: ["acme"])]);

        var json = System.Text.Json.JsonSerializer.Serialize(s, KpiJson.Pretty.KpiSnapshot);

        Assert.Contains("\"automationRate\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"P2\"", json, StringComparison.Ordinal);
        var back = System.Text.Json.JsonSerializer.Deserialize(json, KpiJson.Pretty.KpiSnapshot)!;
        Assert.Equal(s.Overall, back.Overall);
        Assert.Equal(s.ByDay, back.ByDay);
    }
}
