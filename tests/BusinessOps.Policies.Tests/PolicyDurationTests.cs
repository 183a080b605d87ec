namespace BusinessOps.Policies.Tests;

public sealed class PolicyDurationTests
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
        Assert.True(PolicyDuration.TryParse(text, out var value));
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
        Assert.False(PolicyDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData(0, 0, 1, 30, "1m30s")]
    [InlineData(0, 1, 30, 0, "1h30m")]
    [InlineData(3, 0, 0, 0, "3d")]
    [InlineData(0, 0, 0, 0, "0s")]
    public void Format_Value_ShortestSpelling(int days, int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, PolicyDuration.Format(new TimeSpan(days, hours, minutes, seconds)));
    }
}
