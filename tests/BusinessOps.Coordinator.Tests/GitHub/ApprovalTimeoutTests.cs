using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using Xunit;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>What the approval gate posts when the approval and the synchronous timeout are seen in the same pass.</summary>
public sealed class ApprovalTimeoutTests
{
    [Fact]
    public async Task RunOnce_ApprovedAfterSynchronousTimeout_NoBackupApproverPing()
    {
        await using var s = await GitHubScenario.StartAsync();
        var number = ScenarioIssues.File(s.Server, 1, _ => 2)[0];
        s.Executor.NeedsApproval.Add(number);
        await s.PassAsync("plan", CancellationToken.None);
        s.Server.SetPermission("mia", "write");
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        s.Server.SeedComment(number, "mia", "/approve");

        await s.PassAsync("approval", CancellationToken.None);

        // The plan proposes no effects: approved, it is carried out at once.
        var issue = s.Server.GetIssue(number)!;
        Assert.Contains("status/done", issue.Labels);
        Assert.DoesNotContain(issue.Comments, c => c.Body.Contains("@olivia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnce_SynchronousTimeoutWithoutApproval_BackupApproverPingedOnce()
    {
        await using var s = await GitHubScenario.StartAsync();
        var number = ScenarioIssues.File(s.Server, 1, _ => 2)[0];
        s.Executor.NeedsApproval.Add(number);
        await s.PassAsync("plan", CancellationToken.None);
        s.Clock.Advance(TimeSpan.FromMinutes(10));

        await s.PassAsync("timeout", CancellationToken.None);
        var second = await s.PassAsync("again", CancellationToken.None);

        var issue = s.Server.GetIssue(number)!;
        Assert.Contains("status/awaiting-approval", issue.Labels);
        Assert.Single(issue.Comments, c => c.Body.Contains("@olivia", StringComparison.Ordinal));
        Assert.Equal(0, second.Requests.Writes);
    }
}
