using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Tests.Support;

namespace BusinessOps.GitHub.Tests;

public sealed class ConnectionFailureTests
{
    [Fact]
    public async Task BadToken_Unauthorized_SaysWhatToSetAndNeverShowsToken()
    {
        await using var h = await Harness.StartAsync();
        const string secret = "ghp_ThisIsASecretTokenValue1234567890";

        var ex = await Assert.ThrowsAsync<GitHubUnauthorizedException>(() => h.Store(h.Options(secret)).ListIssuesAsync(IssueQuery.Open, CancellationToken.None));

        Assert.Equal(StoreErrorKind.Unauthorized, ex.Kind);
        Assert.Contains("GITHUB_TOKEN", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task ReadOnlyToken_Write_NamesMissingPermission()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");

        var ex = await Assert.ThrowsAsync<GitHubUnauthorizedException>(() => h.Store(h.Options(h.Server.ReadOnlyToken)).AddCommentAsync(n, "hi", CancellationToken.None));

        Assert.Equal("issues: write", ex.MissingPermission);
        Assert.Contains("lacks issues: write", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Server.ReadOnlyToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRepository_NotFound_PointsAtGitHubRepository()
    {
        await using var h = await Harness.StartAsync();

        var ex = await Assert.ThrowsAsync<GitHubNotFoundException>(() => h.Store(h.Options() with { Repository = "nope" }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None));
        var get = await Assert.ThrowsAsync<GitHubNotFoundException>(() => h.Store(h.Options() with { Repository = "nope" }).GetIssueAsync(1, CancellationToken.None));

        Assert.Contains("GITHUB_REPOSITORY", ex.Message, StringComparison.Ordinal);
        Assert.Equal(StoreErrorKind.NotFound, get.Kind);
    }

    [Fact]
    public async Task ServerErrors_GetRetriedWithGrowingJitteredDelays()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(3);
        h.Server.Faults.FailNext(2, 503, "GET");
        var store = h.Store();

        var issues = await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(3, issues.Count);
        Assert.Equal(2, store.Stats.Retries);
        var delays = h.Clock.Delays;
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ServerErrors_PersistentAfterThreeRetries_Transient()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Faults.FailNext(10, 500, "GET");

        var ex = await Assert.ThrowsAsync<GitHubTransientException>(() => h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None));

        Assert.Equal(StoreErrorKind.Transient, ex.Kind);
        Assert.Equal(4, h.Server.Counters.Gets);
    }

    [Fact]
    public async Task HungRequest_TimesOutAndIsRetried()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(2);
        h.Server.Faults.HangNext(1, "GET");

        var issues = await h.Store(h.Options() with { RequestTimeout = TimeSpan.FromSeconds(1) }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(2, issues.Count);
    }

    [Fact]
    public async Task Cancelled_WhileGitHubHangs_CancellationReachesTheSocket()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(2);
        h.Server.Faults.HangNext(1, "GET");
        using var cancel = new CancellationTokenSource();
        var store = h.Store(h.Options() with { RequestTimeout = TimeSpan.FromSeconds(5) });

        // Octokit's calls take no token; the store's rides along to the handlers. Without that the request would run to
        // its timeout and be retried, and the listing would succeed instead of stopping.
        var listing = store.ListIssuesAsync(IssueQuery.Open, cancel.Token);
        while (h.Server.Counters.Gets == 0 && !listing.IsCompleted)
        {
            await Task.Yield();
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
        Assert.Equal(1, h.Server.Counters.Gets);
    }

    [Theory]
    [InlineData(429, 30)]
    [InlineData(403, 45)]
    public async Task SecondaryLimit_WaitsRetryAfterThenSucceeds(int status, int retryAfter)
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(1);
        h.Server.Faults.SecondaryLimitNext(1, status, retryAfter);
        var store = h.Store();

        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(retryAfter)], h.Clock.Delays);
        Assert.Equal(1, store.Stats.SecondaryLimitResponses);
    }

    [Fact]
    public async Task SecondaryLimit_WithoutRetryAfter_WaitsAtLeastSixtySecondsDoubling()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(1);
        h.Server.Faults.SecondaryLimitNext(2, 403, retryAfterSeconds: null);

        await h.Store(h.Options() with { RunBudget = TimeSpan.FromHours(1) }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], h.Clock.Delays);
    }

    [Fact]
    public async Task PrimaryLimit_WaitsUntilResetPlusOneSecond()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(1);
        h.Server.Faults.PrimaryLimitNext(1, TimeSpan.FromSeconds(120));

        await h.Store().ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(121)], h.Clock.Delays);
        Assert.Equal(1, h.Server.Counters.PrimaryLimitResponses);
    }

    [Fact]
    public async Task PrimaryLimit_BeyondRunBudget_DefersWithRetryAtAndSendsNothingMore()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(1);
        h.Server.Faults.PrimaryLimitNext(1, TimeSpan.FromMinutes(40));
        var start = h.Clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<GitHubRateLimitDeferredException>(() => h.Store(h.Options() with { RunBudget = TimeSpan.FromMinutes(5) }).ListIssuesAsync(IssueQuery.Open, CancellationToken.None));

        Assert.Equal(StoreErrorKind.RateLimited, ex.Kind);
        Assert.Equal(start + TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1), ex.RetryAt);
        Assert.Equal(1, h.Server.Counters.Requests);
        Assert.Empty(h.Clock.Delays);
    }

    [Fact]
    public async Task QuotaSpent_NextRequestWaitsForResetInsteadOfSending()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedIssues(1);
        h.Server.PrimaryLimit = 3; // the listing costs 2 (issues + comments pages), the first lookup spends the last one
        var store = h.Store(h.Options() with { RunBudget = TimeSpan.FromHours(2) });

        await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);
        await store.GetPermissionAsync("someone", CancellationToken.None);
        Assert.Empty(h.Clock.Delays);
        await store.GetPermissionAsync("other", CancellationToken.None);

        Assert.Equal(0, h.Server.Counters.PrimaryLimitResponses);
        Assert.Single(h.Clock.Delays);
        Assert.InRange(h.Clock.Delays[0], TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }
}
