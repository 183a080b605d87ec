using BusinessOps.Automation.Schedules;

namespace BusinessOps.Automation.Tests.Schedules;

public sealed class BadScheduleInputTests
{
    [Theory]
    [InlineData("0 8 * *")]
    [InlineData("61 8 * * *")]
    [InlineData("every morning")]
    [InlineData("")]
    public void CronTiming_Invalid_SaysWhatIsExpected(string cron)
    {
        Assert.False(CronTiming.TryCreate(cron, TimeZoneInfo.Utc, out var timing, out var problem));
        Assert.Null(timing);
        Assert.Contains("five fields", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("Pacific Standard Time")]
    public void TimeZones_Unknown_NamesTheExpectedShape(string zone)
    {
        Assert.Null(TimeZones.Find(zone, out var problem));
        Assert.Contains("IANA", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeZones_Iana_Found() => Assert.Equal("Europe/Berlin", TimeZones.Find("Europe/Berlin", out _)?.Id);
}
