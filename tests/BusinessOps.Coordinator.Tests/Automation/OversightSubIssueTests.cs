using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Policies.Automation;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>Issue 12 on the fake GitHub: an escalated issue's oversight issue is opened as its sub-issue, once.</summary>
public sealed class OversightSubIssueTests
{
    [Fact]
    public async Task Pass_EscalatedIssue_OversightIsItsSubIssueOnce()
    {
        await using var s = await GitHubScenario.StartAsync();
        var escalated = s.Server.SeedIssue("Checkout is down", "### Request\n\nhelp", ["support/technical", "priority/P2", "status/escalated"], "alice");
        s.Automation = new AutomationStep(AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string>()).Policies!, s.Clock, Log.Quiet);

        await s.PassAsync("hand-over", CancellationToken.None);
        await s.PassAsync("again", CancellationToken.None);

        var oversight = Assert.Single(s.Server.SubIssuesOf(escalated));
        Assert.StartsWith("Oversight: #" + escalated, s.Server.GetIssue(oversight)!.Title, StringComparison.Ordinal);
        Assert.Contains(s.Server.GetIssue(escalated)!.Comments, c => c.Body.Contains("#" + oversight, StringComparison.Ordinal));
        Assert.Equal(1, s.Server.Requests.Count(r => r.Method == "POST" && r.Path.Split('?')[0].EndsWith("/sub_issues", StringComparison.Ordinal)));
    }
}
