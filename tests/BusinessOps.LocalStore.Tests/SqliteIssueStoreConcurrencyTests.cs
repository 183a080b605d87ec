using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreConcurrencyTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Writes_TwoStoresOnSameFileInParallel_NothingIsLost()
    {
        using var coordinator = _temp.Open();
        using var agent = _temp.Open("ai-qa-agent[bot]");
        var issue = await coordinator.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        async Task Write(SqliteIssueStore store, string who)
        {
            for (var i = 0; i < 40; i++)
            {
                await store.AddCommentAsync(issue.Number, $"{who} {i}", CancellationToken.None);
                await store.UpdateLabelsAsync(issue.Number, [$"{who}/{i % 5}"], [], CancellationToken.None);
                await store.CreateIssueAsync(Some.Issue($"{who} issue {i}"), CancellationToken.None);
            }
        }

        await Task.WhenAll(Task.Run(() => Write(coordinator, "coordinator")), Task.Run(() => Write(agent, "agent")));
        var all = await coordinator.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);
        var first = all[0];

        Assert.Equal(81, all.Count);
        Assert.Equal(Enumerable.Range(1, 81), all.Select(i => i.Number));
        Assert.Equal(80, first.Comments.Count);
        Assert.Equal(40, first.Comments.Count(c => c.Author == "ai-qa-agent[bot]"));
        Assert.Equal(10, first.Labels.Count);
    }

    [Fact]
    public async Task Writes_ManyCallsOnOneInstanceInParallel_AreSerialisedSafely()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.AddCommentAsync(issue.Number, $"c{i}", CancellationToken.None))));
        var read = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(50, read!.Comments.Select(c => c.Body).Distinct().Count());
    }

    [Fact]
    public async Task Write_FileLockedByAnotherConnection_ThrowsTransientLockedAfterBusyTimeout()
    {
        using var store = _temp.Open(options: new SqliteIssueStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        using var other = _temp.Raw();
        using var transaction = other.BeginTransaction(deferred: false);
        using (var write = other.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "UPDATE issues SET title = 'held by another process';";
            write.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAnyAsync<IssueStoreException>(() => store.AddCommentAsync(issue.Number, "blocked", CancellationToken.None));

        Assert.Equal(StoreErrorKind.Transient, ex.Kind);
        Assert.Equal($"The issue store '{_temp.Path}' is locked by another process; retry, or stop the other coordinator.", ex.Message);
        transaction.Rollback();
        Assert.Empty((await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Comments);
    }

    [Fact]
    public async Task Read_WhileAnotherConnectionWrites_SeesLastCommittedState()
    {
        using var store = _temp.Open(options: new SqliteIssueStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        var issue = await store.CreateIssueAsync(Some.Issue("committed"), CancellationToken.None);
        using var other = _temp.Raw();
        using var transaction = other.BeginTransaction(deferred: false);
        using (var write = other.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "UPDATE issues SET title = 'uncommitted';";
            write.ExecuteNonQuery();
        }

        var read = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal("committed", read!.Title);
    }
}
