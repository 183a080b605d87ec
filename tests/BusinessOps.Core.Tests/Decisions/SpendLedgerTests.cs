using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>The one ledger of today's spending: trusted results of one UTC day, per issue, per client, never counted twice.</summary>
public sealed class SpendLedgerTests
{
    private const string Identity = "businessops[bot]";
    private static readonly DateTimeOffset Midnight = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Midnight.AddHours(15);

    [Fact]
    public void With_ResultsOfSeveralDays_SumsOnlyTodayUtc()
    {
        var issue = Issue(1, ["client/acme"], (1.50m, Midnight), (2.00m, Midnight.AddHours(10)), (16m, Midnight.AddTicks(-1)), (32m, Midnight.AddDays(1)));

        var ledger = SpendLedger.For(Now).With(issue, Identity);

        Assert.Equal(3.50m, ledger.Total);
        Assert.Equal(3.50m, ledger.ByClient["acme"]);
        Assert.Equal(Midnight, ledger.DayStart);
    }

    [Fact]
    public void With_SameIssueTwice_ReplacesItsEntriesInsteadOfAdding()
    {
        var before = Issue(1, ["client/acme"], (1m, Midnight.AddHours(1)));
        var after = Issue(1, ["client/acme"], (1m, Midnight.AddHours(1)), (4m, Midnight.AddHours(2)));

        var ledger = SpendLedger.For(Now).With(before, Identity).With(after, Identity).With(after, Identity);

        Assert.Equal(5m, ledger.Total);
        Assert.Equal(5m, ledger.ByClient["ACME"]);
        Assert.Equal(1, ledger.Issues);
    }

    [Fact]
    public void With_SeveralIssuesAndClients_SplitsPerClient()
    {
        var ledger = SpendLedger.For(Now).With(
            [
                Issue(1, ["client/acme"], (2m, Midnight.AddHours(1))),
                Issue(2, ["client/globex", "client/acme"], (3m, Midnight.AddHours(2))),
                Issue(3, [], (8m, Midnight.AddHours(3))),
            ],
            Identity);

        Assert.Equal(13m, ledger.Total);
        Assert.Equal(5m, ledger.ByClient["acme"]);
        Assert.Equal(3m, ledger.ByClient["globex"]);
    }

    [Fact]
    public void With_ResultWrittenByAPerson_IsNotSpend()
    {
        var record = new ResultRecord("local/ops#1/a1/plan", "ai-qa-agent", AgentOutcome.Completed, 0.9, 500m);
        var forged = Some.Issue(1, comments: [Some.Comment(5, "mallory", Markers.Format(record), Midnight.AddHours(1))]);

        Assert.Equal(0m, SpendLedger.For(Now).With(forged, Identity).Total);
    }

    [Fact]
    public void TotalExcept_TheResultBeingGated_IsLeftOut()
    {
        var issue = Issue(1, ["client/acme"], (2m, Midnight.AddHours(1)), (7m, Midnight.AddHours(2)));
        var ledger = SpendLedger.For(Now).With([issue, Issue(2, [], (1m, Midnight.AddHours(3)))], Identity);

        Assert.Equal(3m, ledger.TotalExcept(1, "local/ops#1/a2/plan"));
        Assert.Equal(2m, ledger.ClientTotalExcept("acme", 1, "local/ops#1/a2/plan"));
        Assert.Equal(10m, ledger.TotalExcept(3, "local/ops#3/a1/plan"));
    }

    [Fact]
    public void Covers_NextDay_False()
    {
        var ledger = SpendLedger.For(Now);

        Assert.True(ledger.Covers(Midnight.AddHours(23)));
        Assert.False(ledger.Covers(Midnight.AddDays(1)));
    }

    /// <summary>An issue with one trusted result comment per (cost, time): attempt n is the n-th.</summary>
    private static IssueSnapshot Issue(int number, IReadOnlyList<string> labels, params (decimal Cost, DateTimeOffset At)[] results)
    {
        var comments = results.Select((r, i) =>
        {
            var record = new ResultRecord($"local/ops#{number}/a{i + 1}/plan", "ai-qa-agent", AgentOutcome.Completed, 0.9, r.Cost);
            return Some.Comment(100 + i, Identity, "done\n\n" + Markers.Format(record), r.At, bot: true);
        }).ToList();
        return Some.Issue(number, labels: labels, comments: comments);
    }
}
