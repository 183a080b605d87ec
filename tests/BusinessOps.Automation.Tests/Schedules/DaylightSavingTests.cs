using BusinessOps.Automation.Schedules;
using static BusinessOps.Automation.Tests.Schedules.Sched;

namespace BusinessOps.Automation.Tests.Schedules;

public sealed class DaylightSavingTests
{
    [Fact]
    public void SpringForward_SlotInTheSkippedHour_FiresOnceRightAfterTheGap()
    {
        // 2026-03-08: Los Angeles jumps from 02:00 PST to 03:00 PDT; 02:30 does not exist that day.
        var sim = new PassSimulator([Cron("nightly", "30 2 * * *")], Utc(2026, 3, 7, 12));
        sim.RunUntil(Utc(2026, 3, 9, 12), TimeSpan.FromMinutes(15));

        var utc = sim.Opened.Select(o => o.Key.Utc).ToList();
        Assert.Equal([Utc(2026, 3, 8, 10), Utc(2026, 3, 9, 9, 30)], utc);
        Assert.Equal("Morning briefing 2026-03-08", sim.Opened[0].Issue.Title);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 0, 0), sim.Opened[0].Local.DateTime);
    }

    [Fact]
    public void FallBack_SlotInTheRepeatedHour_FiresOnce()
    {
        // 2026-11-01: 01:00–02:00 happens twice (PDT, then PST); the 01:30 slot must fire once.
        var sim = new PassSimulator([Cron("nightly", "30 1 * * *")], Utc(2026, 10, 31, 12));
        sim.RunUntil(Utc(2026, 11, 2, 12), TimeSpan.FromMinutes(15));

        var utc = sim.Opened.Select(o => o.Key.Utc).ToList();
        Assert.Equal([Utc(2026, 11, 1, 8, 30), Utc(2026, 11, 2, 9, 30)], utc);
    }

    [Fact]
    public void MorningBriefing_WeekdaysAtEightLocal_FollowsTheOffsetAcrossSpringForward()
    {
        var sim = new PassSimulator([Cron("morning-briefing", "0 8 * * 1-5")], Utc(2026, 3, 5, 12));
        sim.RunUntil(Utc(2026, 3, 10, 16), TimeSpan.FromMinutes(15));

        // Thu, Fri at 16:00Z (PST, UTC-8); no weekend; Mon, Tue at 15:00Z (PDT, UTC-7).
        Assert.Equal([Utc(2026, 3, 5, 16), Utc(2026, 3, 6, 16), Utc(2026, 3, 9, 15), Utc(2026, 3, 10, 15)], sim.Opened.Select(o => o.Key.Utc));
        Assert.All(sim.Opened, o => Assert.Equal(8, o.Local.Hour));
    }

    [Fact]
    public void Interval_EverySixHours_KeepsAbsoluteSpacingThroughTheTimeChange()
    {
        var schedule = new ScheduleDefinition("optimise", new IntervalTiming(TimeSpan.FromHours(6), IntervalTiming.DefaultAnchor, LosAngeles), Template);
        var sim = new PassSimulator([schedule], Utc(2026, 3, 7, 23, 45));
        sim.RunUntil(Utc(2026, 3, 9, 0), TimeSpan.FromMinutes(15));

        var utc = sim.Opened.Select(o => o.Key.Utc).ToList();
        Assert.Equal([Utc(2026, 3, 8, 0), Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 12), Utc(2026, 3, 8, 18), Utc(2026, 3, 9, 0)], utc);
    }
}
