using BusinessOps.GitHub.Http;

namespace BusinessOps.GitHub.Tests;

public sealed class ParserTests
{
    [Fact]
    public void RateLimitInfo_AllHeaders_Parsed()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var info = RateLimitInfo.Parse(
            new Dictionary<string, IEnumerable<string>>
            {
                ["X-RateLimit-Limit"] = ["5000"],
                ["x-ratelimit-remaining"] = ["0"],
                ["x-ratelimit-used"] = ["5000"],
                ["x-ratelimit-reset"] = ["1700000600"],
                ["x-ratelimit-resource"] = ["core"],
                ["retry-after"] = ["30"],
            },
            now);

        Assert.Equal(new RateLimitInfo(5000, 0, 5000, DateTimeOffset.FromUnixTimeSeconds(1_700_000_600), "core", TimeSpan.FromSeconds(30)), info);
        Assert.True(info.Exhausted);
    }

    [Fact]
    public void RateLimitInfo_RetryAfterAsHttpDate_RelativeToNow()
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        var info = RateLimitInfo.Parse(new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = ["Mon, 02 Nov 2026 09:01:30 GMT"] }, now);

        Assert.Equal(TimeSpan.FromSeconds(90), info.RetryAfter);
    }

    [Fact]
    public void RateLimitInfo_NoOrBadHeaders_AllNull()
    {
        var info = RateLimitInfo.Parse(new Dictionary<string, IEnumerable<string>> { ["x-ratelimit-remaining"] = ["lots"] }, DateTimeOffset.UnixEpoch);

        Assert.Equal(RateLimitInfo.Empty, info);
        Assert.False(info.Exhausted);
    }
}
