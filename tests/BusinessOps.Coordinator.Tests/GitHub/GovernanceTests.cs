using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>The governance overhead on GitHub: permission lookups for approving comments are made once per author per run.</summary>
public sealed class GovernanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunOnce_ApprovalsByTwoCollaboratorsOnTwentyIssues_TwoPermissionLookups()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.ApprovalsAsync(s, issues: 20, approvers: 2, CancellationToken.None);

        output.WriteLine(f.Pass.ToString());
        Assert.Equal(20, f.AwaitingBefore);
        Assert.Equal(20, f.CarriedOut);
        Assert.Equal(2, f.Pass.Requests.PermissionReads);
    }

    [Fact]
    public async Task RunOnce_OneApprovalComment_OnePermissionLookup()
    {
        await using var s = await GitHubScenario.StartAsync();

        var f = await GitHubScenarios.ApprovalsAsync(s, issues: 1, approvers: 1, CancellationToken.None);

        output.WriteLine(f.Pass.ToString());
        Assert.Equal(1, f.AwaitingBefore);
        Assert.Equal(1, f.CarriedOut);
        Assert.Equal(1, f.Pass.Requests.PermissionReads);
    }
}
