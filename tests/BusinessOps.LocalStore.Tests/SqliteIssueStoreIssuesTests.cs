using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreIssuesTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CreateIssueAsync_NewStore_ReturnsSnapshotThatReadsBackIdentically()
    {
        _temp.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));
        using var store = _temp.Open("alice");

        var created = await store.CreateIssueAsync(Some.Issue(labels: ["operations/monitoring", "priority/P1"]), CancellationToken.None);
        var read = await store.GetIssueAsync(created.Number, CancellationToken.None);

        Assert.Equal(1, created.Number);
        Assert.Equal("Checkout latency above SLO", created.Title);
        Assert.Equal("p95 is 900 ms since the deploy.", created.Body);
        Assert.Equal(IssueState.Open, created.State);
        Assert.Equal(["operations/monitoring", "priority/P1"], created.Labels);
        Assert.Equal("alice", created.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, 123, TimeSpan.Zero), created.CreatedAt);
        Assert.NotNull(read);
        Assert.Equal(created with { Labels = [], Comments = [] }, read with { Labels = [], Comments = [] });
        Assert.Equal(created.Labels, read.Labels);
    }

    [Fact]
    public async Task CreateIssueAsync_TwoIssues_NumbersAreSequential()
    {
        using var store = _temp.Open();

        var first = await store.CreateIssueAsync(Some.Issue("one"), CancellationToken.None);
        var second = await store.CreateIssueAsync(Some.Issue("two"), CancellationToken.None);

        Assert.Equal((1, 2), (first.Number, second.Number));
    }

    [Fact]
    public async Task GetIssueAsync_Missing_ReturnsNull()
    {
        using var store = _temp.Open();

        Assert.Null(await store.GetIssueAsync(42, CancellationToken.None));
    }

    [Fact]
    public async Task ListIssuesAsync_ManyIssuesWithComments_ReturnsEveryCommentInOrder()
    {
        using var store = _temp.Open();
        for (var i = 1; i <= 30; i++)
        {
            await store.CreateIssueAsync(Some.Issue($"issue {i}"), CancellationToken.None);
            for (var c = 1; c <= 3; c++)
            {
                await store.AddCommentAsync(i, $"issue {i} comment {c}", CancellationToken.None);
            }
        }

        var issues = await store.ListIssuesAsync(IssueQuery.Open, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 30), issues.Select(i => i.Number));
        Assert.All(issues, i => Assert.Equal([$"issue {i.Number} comment 1", $"issue {i.Number} comment 2", $"issue {i.Number} comment 3"], i.Comments.Select(c => c.Body)));
    }

    [Fact]
    public async Task ListIssuesAsync_StateFilter_SelectsOpenClosedOrAll()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(Some.Issue("open"), CancellationToken.None);
        var closed = await store.CreateIssueAsync(Some.Issue("closed"), CancellationToken.None);
        await store.SetStateAsync(closed.Number, IssueState.Closed, CancellationToken.None);

        var open = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Open), CancellationToken.None);
        var onlyClosed = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Closed), CancellationToken.None);
        var all = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);

        Assert.Equal(["open"], open.Select(i => i.Title));
        Assert.Equal(["closed"], onlyClosed.Select(i => i.Title));
        Assert.Equal(["open", "closed"], all.Select(i => i.Title));
    }

    [Fact]
    public async Task ListIssuesAsync_LabelFilter_RequiresEveryLabelCaseInsensitively()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(Some.Issue("both", labels: ["security/compliance", "priority/P0"]), CancellationToken.None);
        await store.CreateIssueAsync(Some.Issue("one", labels: ["security/compliance"]), CancellationToken.None);
        await store.CreateIssueAsync(Some.Issue("none"), CancellationToken.None);

        var matched = await store.ListIssuesAsync(new IssueQuery(Labels: ["SECURITY/compliance", "priority/p0"]), CancellationToken.None);

        Assert.Equal(["both"], matched.Select(i => i.Title));
    }

    [Fact]
    public async Task ListIssuesAsync_Since_ReturnsIssuesUpdatedAtOrAfter()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(Some.Issue("old"), CancellationToken.None);
        await store.CreateIssueAsync(Some.Issue("untouched"), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var cutoff = _temp.Clock.GetUtcNow();
        await store.CreateIssueAsync(Some.Issue("new"), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));
        await store.AddCommentAsync(1, "a later comment bumps issue 1", CancellationToken.None);

        var since = await store.ListIssuesAsync(new IssueQuery(Since: cutoff), CancellationToken.None);

        Assert.Equal(["old", "new"], since.Select(i => i.Title));
        Assert.Equal(cutoff.AddMinutes(5), since[0].UpdatedAt);
    }

    [Fact]
    public async Task SetStateAsync_CloseThenReopen_ChangesStateAndUpdatedAt()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(1));

        await store.SetStateAsync(issue.Number, IssueState.Closed, CancellationToken.None);
        var closed = await store.GetIssueAsync(issue.Number, CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.SetStateAsync(issue.Number, IssueState.Closed, CancellationToken.None);
        var closedAgain = await store.GetIssueAsync(issue.Number, CancellationToken.None);
        await store.SetStateAsync(issue.Number, IssueState.Open, CancellationToken.None);
        var reopened = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(IssueState.Closed, closed!.State);
        Assert.Equal(issue.CreatedAt.AddMinutes(1), closed.UpdatedAt);
        Assert.Equal(closed.UpdatedAt, closedAgain!.UpdatedAt);
        Assert.Equal(IssueState.Open, reopened!.State);
        Assert.Equal(issue.CreatedAt.AddMinutes(2), reopened.UpdatedAt);
    }

    [Fact]
    public async Task SetStateAsync_MissingIssue_ThrowsNotFound()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.SetStateAsync(9, IssueState.Closed, CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
        Assert.Contains("#9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ExistingFile_KeepsEverythingAcrossInstances()
    {
        using (var first = _temp.Open("alice"))
        {
            await first.CreateIssueAsync(Some.Issue(labels: ["sales/lead"]), CancellationToken.None);
            await first.AddCommentAsync(1, "hello", CancellationToken.None);
        }

        using var second = _temp.Open();
        var issue = await second.GetIssueAsync(1, CancellationToken.None);

        Assert.Equal("alice", issue!.Author);
        Assert.Equal(["sales/lead"], issue.Labels);
        Assert.Equal("hello", Assert.Single(issue.Comments).Body);
        Assert.Equal(_temp.Path, second.Location);
    }

    [Fact]
    public async Task Dispose_ThenCall_ThrowsObjectDisposed()
    {
        var store = _temp.Open();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetIssueAsync(1, CancellationToken.None));
    }
}
