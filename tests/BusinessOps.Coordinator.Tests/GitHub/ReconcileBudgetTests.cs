using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>Issue 3's request budgets, measured through the real reconciler against the fake GitHub (bench: 10,000 issues).</summary>
public sealed class ReconcileBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunOnce_ColdFullPass_ListPagesWithinCeilNOver100PlusWritesItMustMake()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.ColdThenIdleAsync(s, 1_000, CancellationToken.None);

        Print(f);
        Assert.Equal(1_000, f.Cold.Dispatched);
        Assert.True(f.Cold.Requests.IssueListPages <= f.ListPageBudget, f.Cold.ToString());
        Assert.Equal(0, f.Cold.SecondaryLimitResponses);
        Assert.Equal(0, f.Cold.Requests.PermissionReads + f.Cold.Requests.OtherReads);

        // The writes it must make: labels and a status comment per issue, and (finding 1) the external id.
        Assert.Equal(f.Cold.CoordinatorWrites, f.Cold.Requests.Writes);
        Assert.True(f.Cold.WritesPerIssue <= 3, f.Cold.ToString());
    }

    [Fact]
    public async Task RunOnce_IdlePassOverUnchangedIssues_ZeroCostAtMostThreeRequests()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.ColdThenIdleAsync(s, 1_000, CancellationToken.None);

        Print(f);
        Assert.Equal(0, f.Settle[^1].Requests.Writes);
        Assert.Equal(0, f.Idle.RateLimitCost);
        Assert.True(f.Idle.Requests.Total <= 3, f.Idle.ToString());
        Assert.Equal(0, f.Idle.Requests.Writes);
        Assert.Equal(0, f.Idle.Dispatched);
    }

    [Fact]
    public async Task RunOnce_NewlyFiledIssue_OnlyThatIssueReadAndDispatchedOnce()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.NewIssueAsync(s, 200, CancellationToken.None);

        output.WriteLine(f.ToString());
        Assert.Equal(1, f.Dispatched);
        Assert.Equal(1, f.Requests.IssueListPages);
        Assert.True(f.Requests.IssueReads + f.Requests.CommentReads <= 2, f.ToString());
        Assert.True(f.Requests.Writes <= 3, f.ToString());
    }

    [Fact]
    public async Task Event_IssueOpened_AtMostTwoReads()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.NewIssueEventAsync(s, 200, CancellationToken.None);

        output.WriteLine(f.ToString());
        Assert.Equal(1, f.Dispatched);
        Assert.True(f.Requests.Reads <= 2, f.ToString());
    }

    [Fact]
    public async Task Event_IssueOpened_AtMostTwoWrites()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.NewIssueEventAsync(s, 200, CancellationToken.None);

        output.WriteLine(f.ToString());
        Assert.True(f.Requests.Writes <= 2, f.ToString());
    }

    [Fact]
    public async Task RunOnce_NewlyFiledIssue_AtMostTwoReadsAndTwoWrites()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.NewIssueAsync(s, 200, CancellationToken.None);

        output.WriteLine(f.ToString());
        Assert.True(f.Requests.Reads <= 2, f.ToString());
        Assert.True(f.Requests.Writes <= 2, f.ToString());
    }

    private void Print(ColdIdleFigures f)
    {
        output.WriteLine(f.Cold.ToString());
        foreach (var pass in f.Settle)
        {
            output.WriteLine(pass.ToString());
        }

        output.WriteLine(f.Idle.ToString());
    }
}
