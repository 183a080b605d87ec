using BusinessOps.Automation.Schedules;
using static BusinessOps.Automation.Tests.Schedules.Sched;

namespace BusinessOps.Automation.Tests.Schedules;

public sealed class CatchUpAndOverlapTests
{
    private static readonly ScheduleDefinition Briefing = Cron("morning-briefing", "0 8 * * 1-5");

    // Friday 2026-03-13 08:00 PDT was the last slot handled; the coordinator was down until Tuesday 09:00 PDT.
    private static readonly ScheduleHistory AfterFriday = new(new Dictionary<string, DateTimeOffset> { ["morning-briefing"] = Utc(2026, 3, 13, 15) }, []);
    private static readonly DateTimeOffset Tuesday = Utc(2026, 3, 17, 16);

    [Fact]
    public void Latest_AfterDowntime_OpensOnlyTheNewestMissedSlot()
    {
        var result = ScheduleEvaluator.Evaluate([Briefing], Tuesday, AfterFriday);

        var slot = Assert.Single(result.Open);
        Assert.Equal("morning-briefing@2026-03-17T15:00:00Z", slot.Key.Value);
        Assert.Equal(Utc(2026, 3, 17, 15), result.Cursors["morning-briefing"]);
    }

    [Fact]
    public void All_AfterDowntime_OpensEveryMissedSlotInTheWindowOldestFirst()
    {
        var schedule = Briefing with { CatchUp = CatchUpPolicy.All(TimeSpan.FromDays(7)) };

        var result = ScheduleEvaluator.Evaluate([schedule], Tuesday, AfterFriday);

        Assert.Equal(["2026-03-16", "2026-03-17"], result.Open.Select(o => o.Local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void All_WindowShorterThanTheDowntime_DropsSlotsOlderThanTheWindow()
    {
        var schedule = Briefing with { CatchUp = CatchUpPolicy.All(TimeSpan.FromHours(12)) };

        var result = ScheduleEvaluator.Evaluate([schedule], Tuesday, AfterFriday);

        Assert.Equal([Utc(2026, 3, 17, 15)], result.Open.Select(o => o.Key.Utc));
    }

    [Fact]
    public void None_AfterDowntime_OpensNothingAndSaysWhy()
    {
        var schedule = Briefing with { CatchUp = CatchUpPolicy.None, Grace = TimeSpan.FromMinutes(30) };

        var result = ScheduleEvaluator.Evaluate([schedule], Tuesday, AfterFriday);

        Assert.Empty(result.Open);
        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("catch-up none", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 3, 17, 15), result.Cursors["morning-briefing"]);
    }

    [Fact]
    public void None_OnTime_OpensTheSlot()
    {
        var schedule = Briefing with { CatchUp = CatchUpPolicy.None };

        var result = ScheduleEvaluator.Evaluate([schedule], Utc(2026, 3, 17, 15, 7), AfterFriday);

        Assert.Single(result.Open);
    }

    [Fact]
    public void NewSchedule_NoHistory_DoesNotOpenAStaleSlot()
    {
        var monthly = Cron("billing", "0 9 1 * *");

        var mid = ScheduleEvaluator.Evaluate([monthly], Utc(2026, 3, 15, 12), ScheduleHistory.Empty);
        var onTime = ScheduleEvaluator.Evaluate([monthly], Utc(2026, 4, 1, 16, 20), ScheduleHistory.Empty);

        Assert.Empty(mid.Open);
        Assert.Single(onTime.Open);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Downtime_ScheduleWithNoSlotYet_CatchesUpByItsPolicyInsteadOfStartingOver(bool all)
    {
        // The billing run was evaluated mid-March (nothing due), then the coordinator was down over April 1st.
        var monthly = Cron("billing", "0 9 1 * *") with { CatchUp = all ? CatchUpPolicy.All(TimeSpan.FromDays(40)) : CatchUpPolicy.Latest };
        var midMarch = ScheduleEvaluator.Evaluate([monthly], Utc(2026, 3, 15, 12), ScheduleHistory.Empty);

        var afterDowntime = ScheduleEvaluator.Evaluate([monthly], Utc(2026, 4, 3, 12), new ScheduleHistory(midMarch.Cursors, []));

        Assert.Empty(midMarch.Open);
        Assert.Equal(["billing@2026-04-01T16:00:00Z"], afterDowntime.Open.Select(o => o.Key.Value));
    }

    [Fact]
    public void Overlap_Skip_PreviousSlotStillOpen_SkipsAndAdvancesTheCursor()
    {
        var schedule = Briefing with { Overlap = OverlapPolicy.Skip };
        var history = AfterFriday with { Existing = [new ExistingSlot(new SlotKey("morning-briefing", Utc(2026, 3, 13, 15)), 41, IsOpen: true)] };

        var result = ScheduleEvaluator.Evaluate([schedule], Tuesday, history);

        Assert.Empty(result.Open);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(41, skipped.BlockingIssue);
        Assert.Equal(Utc(2026, 3, 17, 15), result.Cursors["morning-briefing"]);
    }

    [Fact]
    public void Overlap_Supersede_OpensTheNewSlotAndClosesTheOlderOpenOne()
    {
        var schedule = Briefing with { Overlap = OverlapPolicy.Supersede };
        var older = new ExistingSlot(new SlotKey("morning-briefing", Utc(2026, 3, 13, 15)), 41, IsOpen: true);
        var closed = new ExistingSlot(new SlotKey("morning-briefing", Utc(2026, 3, 12, 15)), 40, IsOpen: false);

        var result = ScheduleEvaluator.Evaluate([schedule], Tuesday, AfterFriday with { Existing = [older, closed] });

        Assert.Single(result.Open);
        var superseded = Assert.Single(result.Supersede);
        Assert.Equal(41, superseded.Older.Issue);
        Assert.Equal(result.Open[0].Key, superseded.By);
    }

    [Fact]
    public void Overlap_Allow_OpensBesideTheOpenOne()
    {
        var history = AfterFriday with { Existing = [new ExistingSlot(new SlotKey("morning-briefing", Utc(2026, 3, 13, 15)), 41, IsOpen: true)] };

        var result = ScheduleEvaluator.Evaluate([Briefing], Tuesday, history);

        Assert.Single(result.Open);
        Assert.Empty(result.Supersede);
        Assert.Empty(result.Skipped);
    }
}
