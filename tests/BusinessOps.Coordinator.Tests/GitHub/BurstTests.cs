using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>1,000 issues filed at once against a fake enforcing GitHub's 80 content writes per minute (fake clock).</summary>
public sealed class BurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunOnce_ThousandIssuesAtOnce_NoSecondaryLimitAndEveryP0BeforeAnyP3()
    {
        await using var s = await GitHubScenario.StartAsync();
        Assert.Equal(80, s.Server.ContentLimitPerMinute);

        var f = await GitHubScenarios.BurstAsync(s, 1_000, CancellationToken.None);

        output.WriteLine(f.Pass.ToString());
        output.WriteLine($"min write gap {f.MinWriteGap.TotalSeconds} s, max writes in a minute {f.MaxWritesPerMinute}, in an hour {f.MaxWritesPerHour}, last P0 at {f.LastP0}, first P3 at {f.FirstP3}");
        Assert.Equal(0, f.Pass.SecondaryLimitResponses);
        Assert.Equal(1_000, f.Order.Count);
        Assert.True(f.LastP0 < f.FirstP3, $"last P0 dispatched at {f.LastP0}, first P3 at {f.FirstP3}");

        // docs/BENCHMARKS.md: the P0s are dispatches #1–#250 and the P3s #751–#1,000.
        Assert.Equal(249, f.LastP0);
        Assert.Equal(750, f.FirstP3);
        Assert.Equal(f.Order.Order().ToList(), f.Order);
        Assert.True(f.MinWriteGap >= TimeSpan.FromSeconds(1), f.MinWriteGap.ToString());
        Assert.True(f.MaxWritesPerMinute <= 80, f.MaxWritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunOnce_ThousandIssuesAtOnce_AtMost500WritesInAnyHour()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.BurstAsync(s, 1_000, CancellationToken.None);

        Assert.True(f.MaxWritesPerHour <= 500, f.MaxWritesPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunOnce_BurstBeyondTheRunBudget_DefersCleanlyAndTheNextRunResumes()
    {
        await using var s = await GitHubScenario.StartAsync();
        s.RunBudget = TimeSpan.FromMinutes(10);
        ScenarioIssues.File(s.Server, 300, i => i % 4);

        using (var store = new GitHubIssueStore(s.Options(), s.Clock))
        {
            var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(4, DispatchImmediately: true), Log.Quiet);
            var first = await reconciler.RunOnceAsync(CancellationToken.None);

            Assert.True(first.Deferred);
            Assert.True(first.Writes <= 500, first.Writes.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Every issue whose intent was recorded was also dispatched: nothing waits on a run that never starts.
            var recorded = s.Server.Counters.ToString();
            Assert.Equal(s.Executor.Dispatched.Select(d => d.Issue.Number).Distinct().Count(), s.Executor.Dispatched.Count);
            output.WriteLine($"first run: {first} ({recorded})");
        }

        s.Clock.Advance(TimeSpan.FromHours(1));
        s.RunBudget = TimeSpan.FromDays(7);
        var second = await s.PassAsync("resume", CancellationToken.None);

        Assert.Equal(300, s.Executor.Dispatched.Select(d => d.Issue.Number).Distinct().Count());
        Assert.Equal(0, second.SecondaryLimitResponses);
    }
}
