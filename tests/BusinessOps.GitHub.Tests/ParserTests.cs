using BusinessOps.GitHub.Http;

namespace BusinessOps.GitHub.Tests;

public sealed class ParserTests
{
    [Fact]
    public void LinkHeader_GitHubStyle_ParsesAllRelations()
    {
        var links = LinkHeader.Parse("<https://api.github.com/repositories/1/issues?state=all&page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues?state=all&page=5>; rel=\"last\"");

        Assert.Equal("https://api.github.com/repositories/1/issues?state=all&page=2", links["next"].AbsoluteUri);
        Assert.Equal("https://api.github.com/repositories/1/issues?state=all&page=5", links["last"].AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<not a url>; rel=\"next\"")]
    public void LinkHeader_MissingOrMalformed_Empty(string? header) => Assert.Empty(LinkHeader.Parse(header));

    [Fact]
    public void LinkHeader_UrlWithCommaAndExtraParameters_StillParsed()
    {
        var links = LinkHeader.Parse("<https://h/x?labels=a,b&page=3>; title=\"x\"; rel=\"next\"");

        Assert.Equal("https://h/x?labels=a,b&page=3", links["next"].OriginalString);
    }

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

    [Fact]
    public void ApiUrls_EscapesOwnerRepoLabelsAndLogins()
    {
        var urls = new ApiUrls("my org", "ops#1");

        Assert.Equal("repos/my%20org/ops%231/issues/7/labels/status%2Fqueued", urls.IssueLabel(7, "status/queued"));
        Assert.Equal("repos/my%20org/ops%231/labels/a%20b%3F", urls.RepoLabel("a b?"));
        Assert.Equal("repos/my%20org/ops%231/collaborators/dependabot%5Bbot%5D/permission", urls.CollaboratorPermission("dependabot[bot]"));
        Assert.Equal("repos/my%20org/ops%231/issues?state=all&labels=priority%2FP0%2Csales&sort=updated&direction=desc&since=2026-11-02T09%3A00%3A00Z&per_page=100", urls.Issues("all", "priority/P0,sales", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
    }
}
