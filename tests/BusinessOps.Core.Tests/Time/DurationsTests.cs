using BusinessOps.Core.Time;
using Xunit;

namespace BusinessOps.Core.Tests.Time;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 0, 0, 1, 30)]
    [InlineData("30m", 0, 0, 30, 0)]
    [InlineData("1h", 0, 1, 0, 0)]
    [InlineData("2d", 2, 0, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0)]
    [InlineData("1d2h3m4s", 1, 2, 3, 4)]
    [InlineData("72h", 3, 0, 0, 0)]
    [InlineData("365d", 365, 0, 0, 0)]
    public void TryParse_ValidDuration_ReturnsValue(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("0h0m")]
    [InlineData("5")]
    [InlineData("h")]
    [InlineData("1H")]
    [InlineData("1w")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData(" 1h")]
    [InlineData("1h ")]
    [InlineData("366d")]
    [InlineData("9999999999s")]
    [InlineData("999999999d")]
    [InlineData("364d999999999h")]
    [InlineData("1ms")]
    public void TryParse_InvalidDuration_ReturnsFalse(string? text)
    {
        Assert.False(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData(0, 0, 1, 30, "1m30s")]
    [InlineData(0, 1, 30, 0, "1h30m")]
    [InlineData(3, 0, 0, 0, "3d")]
    [InlineData(0, 0, 0, 0, "0s")]
    public void Format_Value_ShortestSpelling(int days, int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(new TimeSpan(days, hours, minutes, seconds)));
    }

    [Theory]
    [InlineData(300, "5 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(3600, "1 hour")]
    [InlineData(14400, "4 hours")]
    [InlineData(86400, "1 day")]
    [InlineData(172800, "2 days")]
    [InlineData(5400, "1 h 30 min")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(45, "45 s")]
    public void Words_Seconds_Human(int seconds, string expected)
    {
        Assert.Equal(expected, Durations.Words(TimeSpan.FromSeconds(seconds)));
    }
}
