using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Schedules;
using static BusinessOps.Automation.Tests.Schedules.Sched;

namespace BusinessOps.Automation.Tests.Schedules;

public sealed class SlotKeyTests
{
    private static readonly ScheduleDefinition Briefing = Cron("morning-briefing", "0 8 * * 1-5");

    [Fact]
    public void Evaluate_SameInputTwice_SameKeysAndIssues()
    {
        var first = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty);
        var second = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty);

        Assert.Equal(first.Open.Select(o => o.Issue.ToNewIssue().Body), second.Open.Select(o => o.Issue.ToNewIssue().Body));
        Assert.Equal(first.Open.SelectMany(o => o.Issue.Labels), second.Open.SelectMany(o => o.Issue.Labels));
        Assert.Equal("morning-briefing@2026-03-17T15:00:00Z", Assert.Single(first.Open).Key.Value);
    }

    [Fact]
    public void Evaluate_SlotAlreadyOpened_IsNotOpenedAgainEvenWithoutACursor()
    {
        var first = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty);
        var existing = new ExistingSlot(first.Open[0].Key, 7, IsOpen: true);

        var retried = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 22), ScheduleHistory.Empty with { Existing = [existing] });

        Assert.Empty(retried.Open);
    }

    [Fact]
    public void Evaluate_TwoConcurrentRunsBothOpenedTheSlot_TheHigherIssueIsTheDuplicate()
    {
        // Two passes started before either wrote: both decide on the same key (never two different keys).
        var a = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty);
        var b = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 8), ScheduleHistory.Empty);
        Assert.Equal(a.Open[0].Key, b.Open[0].Key);

        var next = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 22),
            ScheduleHistory.Empty with { Existing = [new ExistingSlot(a.Open[0].Key, 12, true), new ExistingSlot(b.Open[0].Key, 11, true)] });

        Assert.Empty(next.Open);
        Assert.Equal(12, Assert.Single(next.Duplicates).Issue);
    }

    [Fact]
    public void SlotKey_RoundTripsThroughTheMarker()
    {
        var result = ScheduleEvaluator.Evaluate([Briefing], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty);
        var issue = result.Open[0].Issue.ToNewIssue();

        Assert.True(AutomationMarker.TryParse(issue.Body, out var key));
        Assert.Equal(AutomationKinds.Slot, key.Kind);
        Assert.True(SlotKey.TryParse(key.Value, out var slot));
        Assert.Equal(result.Open[0].Key, slot);
    }

    [Fact]
    public void Render_TemplateFieldsAndLabels_AreAnIssueFormBody()
    {
        var schedule = Briefing with { Client = "acme" };
        var issue = ScheduleEvaluator.Evaluate([schedule], Utc(2026, 3, 17, 15, 7), ScheduleHistory.Empty).Open[0].Issue.ToNewIssue();

        Assert.Equal("Morning briefing 2026-03-17", issue.Title);
        Assert.Contains("### Report\n\ndaily briefing for Tuesday 2026-03-17 08:00", issue.Body, StringComparison.Ordinal);
        Assert.Equal(["analytics/reporting", "agent/ai-analytics-agent", "priority/P2", "client/acme"], issue.Labels);
    }
}
