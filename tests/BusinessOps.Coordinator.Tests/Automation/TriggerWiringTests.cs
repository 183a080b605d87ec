using BusinessOps.Automation.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.TestKit.Automation;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, triggers and hand-overs on a real pass: a result whose outputs trip a threshold opens one follow-up (once per
/// cooldown, with the values that tripped it), and an escalated issue is handed to the project-manager agent for real —
/// one oversight issue, linked both ways — where before the status comment only said so.
/// </summary>
public sealed class TriggerWiringTests
{
    private static readonly string Triggers = ThresholdRules.Thresholds(ThresholdRules.LowEngagement);

    private static readonly DateTimeOffset Start = new(2026, 11, 9, 16, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Passes_ResultBelowThreshold_OneFollowUpPerCooldownWithTheValue()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["triggers.yml"] = Triggers }, Start);
        s.Executor.Script = r => r.Agent == AgentNames.Marketing && r.Issue.Title.StartsWith("Campaign", StringComparison.Ordinal)
            ? AutoShell.With(r, """{"engagement_rate":0.03}""")
            : AutoShell.With(r, """{"ok":true}""");
        await s.Inner.FileAsync("Campaign report A", "### Request\n\nnumbers", "marketing/content", "priority/P2");
        await s.PassAsync();
        s.Clock.Advance(TimeSpan.FromMinutes(5));
        await s.PassAsync();

        var follow = Assert.Single(await s.KeyedAsync(AutomationKinds.Trigger));
        Assert.Equal("Engagement fell to 0.03", follow.Issue.Title);
        Assert.Contains("engagement_rate = 0.03", follow.Issue.Body, StringComparison.Ordinal);

        // A second low result within the same day: no second follow-up.
        await s.Inner.FileAsync("Campaign report B", "### Request\n\nnumbers", "marketing/content", "priority/P2");
        for (var i = 0; i < 3; i++)
        {
            s.Clock.Advance(TimeSpan.FromMinutes(5));
            await s.PassAsync();
        }

        Assert.Single(await s.KeyedAsync(AutomationKinds.Trigger));
    }

    [Fact]
    public async Task Passes_IssueEscalated_OneOversightIssueLinkedBothWays()
    {
        var s = new AutoShell(new Dictionary<string, string>(), Start);
        s.Executor.Script = r => r.Agent == AgentNames.ProjectManager ? null : Reconcile.Plans.Result(r, Core.Results.AgentOutcome.Failed, Core.Results.Classification.Routine, 0.01m, "upstream down");
        var n = await s.Inner.FileAsync("Nightly export", "### Request\n\nexport", "operations/monitoring", "priority/P2");
        for (var i = 0; i < 12; i++)
        {
            await s.PassAsync();
            s.Clock.Advance(TimeSpan.FromHours(1));
        }

        var escalated = await s.Memory.GetIssueAsync(n, CancellationToken.None);
        Assert.Contains("status/escalated", escalated!.Labels);
        var oversight = Assert.Single(await s.KeyedAsync(AutomationKinds.Oversight)).Issue;
        Assert.Contains("agent/" + AgentNames.ProjectManager, oversight.Labels);
        Assert.Contains("#" + n, oversight.Body, StringComparison.Ordinal);
        Assert.Single(escalated.Comments, c => c.Body.Contains("#" + oversight.Number, StringComparison.Ordinal) && c.Body.Contains("Handed to", StringComparison.Ordinal));
    }
}
