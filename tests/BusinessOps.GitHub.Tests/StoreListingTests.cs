using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Tests.Support;

namespace BusinessOps.GitHub.Tests;

public sealed class StoreListingTests
{
    [Fact]
    public async Task ListIssues_ManyPages_ReturnsAllIssuesSkipsPullRequestsInNumberOrder()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(230, ["priority/P2"]);
        h.Server.SeedIssue("A pull request", pullRequest: true);
        h.Server.SeedIssue("Closed", closed: true);

        var issues = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(230, issues.Count);
        Assert.Equal(Enumerable.Range(1, 230), issues.Select(i => i.Number));
        Assert.All(issues, i => Assert.True(i.HasLabel("priority/P2")));
        Assert.Equal(3, h.Server.Requests.Count(r => r.Path.Contains("/issues?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListIssues_IdleSecondRun_CostsZeroAndAtMostThreeRequests()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(250);
        h.Server.SeedComment(7, "bob", "/approve");
        h.Server.SeedComment(9, "carol", "hello");
        var first = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Server.Counters.Reset();

        var second = h.Store();
        var again = await second.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(0, h.Server.Counters.RateLimitCost);
        Assert.InRange(h.Server.Counters.Requests, 1, 3);
        Assert.Equal(0, second.Stats.RateLimitCost);
        Assert.Equal(first.Count, again.Count);
        Assert.Equal("/approve", again.Single(i => i.Number == 7).Comments.Single().Body);
    }

    [Fact]
    public async Task ListIssues_IdleRunWithNewToken_PaysOnePagePerListingAskedSinceTheWatermarks()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(250);
        h.Server.SeedComment(7, "bob", "/approve");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        h.Server.SeedIssue("Newest");
        h.Server.SeedComment(9, "carol", "hello");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Server.Counters.Reset();
        var before = h.Server.Requests.Count;

        var issues = await h.Store(h.Options(h.Server.NewJobToken())).ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        var requests = h.Server.Requests.Skip(before).ToList();
        Assert.Equal(251, issues.Count);
        Assert.Equal("/approve", issues.Single(i => i.Number == 7).Comments.Single().Body);
        Assert.Equal(2, requests.Count);
        Assert.Equal(2, h.Server.Counters.RateLimitCost);
        Assert.All(requests, r => Assert.Contains("since=" + Uri.EscapeDataString("2026-11-02T09:04:59Z"), r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListIssues_SameTokenAfterChanges_StillRevalidatesTheCachedPages()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(250);
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        h.Server.SeedComment(9, "carol", "hello");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Server.Counters.Reset();
        var before = h.Server.Requests.Count;

        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        // Page 1 of each listing is asked exactly as cached (no since=), so an unchanged repository answers 304 twice.
        Assert.Equal(0, h.Server.Counters.RateLimitCost);
        Assert.Equal(2, h.Server.Counters.NotModified);
        Assert.All(h.Server.Requests.Skip(before), r => Assert.DoesNotContain("since=", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListIssues_CommentEditedWhileAnotherIssueChanged_SeenOnNextPass()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(130);
        var approval = h.Server.SeedComment(120, "mia", "/approve");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(3));

        // An edit does not move the issue's updated_at; another issue changing in the same window must not hide it (the
        // comments watermark used to be dropped whenever the issue list changed, so the edit went unseen).
        h.Server.EditComment(approval, "/reject");
        h.Server.SeedComment(5, "bob", "unrelated");
        var issues = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        var comment = Assert.Single(issues.Single(i => i.Number == 120).Comments);
        Assert.Equal("/reject", comment.Body);
        Assert.True(comment.WasEdited);
    }

    [Fact]
    public async Task ListIssues_AfterOneIssueChanged_FetchesOnlyThatIssuesComments()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(120);
        h.Server.SeedComment(3, "bob", "first");
        h.Server.SeedComment(50, "bob", "other");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.Server.SeedComment(3, "bob", "/approve");
        h.Server.Counters.Reset();
        var before = h.Server.Requests.Count;

        var issues = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(["first", "/approve"], issues.Single(i => i.Number == 3).Comments.Select(c => c.Body));
        Assert.Equal("other", issues.Single(i => i.Number == 50).Comments.Single().Body);
        var paths = h.Server.Requests.Skip(before).Select(r => r.Path).ToList();
        Assert.Single(paths, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"/issues/\d+/comments"));
        Assert.Contains(paths, p => p.Contains("/issues/3/comments", StringComparison.Ordinal));
        Assert.True(h.Server.Counters.Requests <= 3, h.Server.Counters.ToString());
    }

    [Fact]
    public async Task ListIssues_ClosedAfterFirstPass_DisappearsFromOpenList()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(150);
        var store = h.Store();
        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        await store.SetStateAsync(10, IssueState.Closed, CancellationToken.None);
        var open = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        var closed = await h.Store().ListIssuesAsync(new IssueQuery(IssueStateFilter.Closed), CancellationToken.None);

        Assert.Equal(149, open.Count);
        Assert.DoesNotContain(open, i => i.Number == 10);
        Assert.Equal(10, Assert.Single(closed).Number);
    }

    [Fact]
    public async Task ListIssues_LabelAndSinceFilters_AppliedLikeGitHub()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssue("old", labels: ["priority/P0"]);
        h.Clock.Advance(TimeSpan.FromHours(2));
        var cutoff = h.Clock.GetUtcNow();
        h.Server.SeedIssue("new p0", labels: ["Priority/P0", "sales/lead"]);
        h.Server.SeedIssue("new p3", labels: ["priority/P3"]);

        var p0 = await h.Store().ListIssuesAsync(new IssueQuery(Labels: ["priority/P0"]), CancellationToken.None);
        var recent = await h.Store().ListIssuesAsync(new IssueQuery(Since: cutoff), CancellationToken.None);

        Assert.Equal(["old", "new p0"], p0.Select(i => i.Title));
        Assert.Equal(["new p0", "new p3"], recent.Select(i => i.Title));
    }

    [Fact]
    public async Task ListIssues_CorruptCacheFiles_AreIgnored()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(5);
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        foreach (var file in Directory.GetFiles(h.CacheDirectory))
        {
            await File.WriteAllTextAsync(file, "{not json");
        }

        var issues = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(5, issues.Count);
    }

    [Fact]
    public async Task GetIssue_WithComments_MapsAuthorsBotsAndEdits()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Refund", "Please refund order 42", ["finance/billing"], author: "dave");
        h.Server.SeedComment(n, "erin", "/approve");
        h.Server.SeedComment(n, "dependabot[bot]", "beep", bot: true);

        var issue = await h.Store().GetIssueAsync(n, CancellationToken.None);

        Assert.NotNull(issue);
        Assert.Equal("dave", issue.Author);
        Assert.Equal(IssueState.Open, issue.State);
        Assert.Equal(["finance/billing"], issue.Labels);
        Assert.Equal(2, issue.Comments.Count);
        Assert.False(issue.Comments[0].AuthorIsBot);
        Assert.True(issue.Comments[1].AuthorIsBot);
    }

    [Fact]
    public async Task GetIssue_Missing_ReturnsNull()
    {
        await using var h = await Harness.StartAsync();

        Assert.Null(await h.Store().GetIssueAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task EnterpriseServerBasePath_AllRequestsStayUnderApiV3()
    {
        await using var h = await Harness.StartAsync("/api/v3");
        h.Server.SeedIssues(120);
        var store = h.Store();

        var issues = await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        await store.UpdateLabelsAsync(1, ["status/queued"], ["x/y"], CancellationToken.None);

        Assert.Equal(120, issues.Count);
        Assert.EndsWith("/api/v3/", store.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.All(h.Server.Requests, r => Assert.StartsWith("/api/v3/repos/acme/ops/", r.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Server.Requests, r => r.Status == 404 && r.Method != "DELETE");
    }

    [Fact]
    public async Task ListIssues_CommentEditedWithoutIssueChange_SeenOnNextPass()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(130);
        var approval = h.Server.SeedComment(120, "mia", "/approve");
        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        h.Server.EditComment(approval, "/reject");

        var issues = await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        var comment = Assert.Single(issues.Single(i => i.Number == 120).Comments);
        Assert.Equal("/reject", comment.Body);
        Assert.True(comment.WasEdited);
    }

    [Theory]
    [InlineData(4, 1, 4)]
    [InlineData(16, 5, 16)]
    public async Task ListIssues_ManyIssuesWithComments_ReadsInFlightBounded(int allowed, int min, int max)
    {
        await using var h = await Harness.StartAsync();
        foreach (var n in h.Server.SeedIssues(40))
        {
            h.Server.SeedComment(n, "bob", "note " + n);
        }

        h.Server.Latency = TimeSpan.FromMilliseconds(30);

        var issues = await h.Store(h.Options() with { MaxConcurrentReads = allowed }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.All(issues, i => Assert.Single(i.Comments));
        Assert.InRange(h.Server.MaxConcurrentRequests, min, max);
    }
}
