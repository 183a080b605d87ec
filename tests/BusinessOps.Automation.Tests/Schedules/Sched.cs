using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Schedules;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Tests.Schedules;

/// <summary>Schedule builders for the tests.</summary>
internal static class Sched
{
    public static TimeZoneInfo LosAngeles { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static IssueTemplate Template { get; } = new("Morning briefing {date}", AgentNames.Analytics, ["analytics/reporting"], Priority.P2,
        [new FormField("Report", "daily briefing for {weekday} {date} {time}")]);

    public static ScheduleDefinition Cron(string id, string cron, TimeZoneInfo? zone = null)
    {
        Assert.True(CronTiming.TryCreate(cron, zone ?? LosAngeles, out var timing, out var problem), problem);
        return new ScheduleDefinition(id, timing!, Template);
    }

    public static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);
}
