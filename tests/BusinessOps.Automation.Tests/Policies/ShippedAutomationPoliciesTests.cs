using BusinessOps.Automation.Schedules;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Automation.Tests.Policies;

public sealed class ShippedAutomationPoliciesTests
{
    private static string PolicyFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "policies");
    }

    [Fact]
    public void Load_ShippedPolicies_AreValidAndHoldTheBusinessSchedulesAndWorkflows()
    {
        var result = AutomationPolicyLoader.Load(PolicyFolder());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var ids = result.Policies.Schedules.Select(s => s.Id).ToList();
        Assert.Contains("morning-briefing", ids);
        Assert.Contains("weekly-trend-analysis", ids);
        Assert.Contains("continuous-optimization", ids);
        Assert.Contains("daily-content-pipeline", ids);
        Assert.Contains("monthly-billing-cycle", ids);
        Assert.Contains("weekly-client-report/acme", ids);
        Assert.Contains("monthly-client-report/globex", ids);
        Assert.Contains("quarterly-business-review/globex", ids);
        Assert.Equal(
            ["client-onboarding", "content-marketing", "customer-acquisition", "feature-delivery", "payment-recovery", "product-launch"],
            result.Policies.Workflows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["ai-architect-agent", "ai-developer-agent", "ai-qa-agent", "ai-devops-agent"], result.Policies.Workflows["feature-delivery"].Steps.Select(s => s.Agent));
        Assert.Equal(2, result.Policies.Thresholds.Count);
        Assert.Empty(result.Policies.Feeds); // the example feed ships commented out: a placeholder URL would fail every poll
    }

    /// <summary>Issue 12 (trial): every shipped workflow, trigger and schedule is one the shipped agents can serve.</summary>
    [Fact]
    public void Load_ShippedPolicies_AskNothingOfTheAgentsTheyCannotDo()
    {
        var result = AutomationPolicyLoader.Load(PolicyFolder());

        Assert.True(result.ContractErrors.Count == 0, string.Join("\n", result.ContractErrors));
    }

    [Fact]
    public void Load_MorningBriefing_IsWeekdaysAtEightInLosAngeles()
    {
        var briefing = AutomationPolicyLoader.Load(PolicyFolder()).Policies!.Schedules.Single(s => s.Id == "morning-briefing");

        var cron = Assert.IsType<CronTiming>(briefing.Timing);
        Assert.Equal("America/Los_Angeles", cron.Zone.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), cron.Next(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Load_PerClientSchedule_RunsInTheClientsZoneWithItsLabel()
    {
        var report = AutomationPolicyLoader.Load(PolicyFolder()).Policies!.Schedules.Single(s => s.Id == "weekly-client-report/globex");

        Assert.Equal("globex", report.Client);
        Assert.Equal("Europe/Berlin", report.Timing.Zone.Id);
    }
}
