using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

/// <summary>One issue's writes of one decision in one transaction (issue 15, item 3): all or none.</summary>
public sealed class SqliteIssueStoreBatchTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteIssueAsync_LabelsEditAndPost_AppliedInOrderAsOneWrite()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue() with { Labels = ["status/queued"] }, CancellationToken.None);
        var status = await store.AddCommentAsync(issue.Number, "status v1", CancellationToken.None);

        var made = await store.WriteIssueAsync(
            issue.Number,
            [new LabelsWrite(["status/done"], ["status/queued"]), new CommentWrite(status.Id, "status v2"), new CommentWrite(null, "result"), new ReactionWrite(status.Id, "+1")],
            CancellationToken.None);

        var read = (await store.GetIssueAsync(issue.Number, CancellationToken.None))!;
        Assert.Equal(1, made);
        Assert.Equal(["status/done"], read.Labels);
        Assert.Equal(["status v2", "result"], read.Comments.Select(c => c.Body));
        Assert.Equal(status.Id, read.Comments[0].Id);
    }

    [Fact]
    public async Task WriteIssueAsync_LastPartFails_NothingWritten()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue() with { Labels = ["status/queued"] }, CancellationToken.None);
        var status = await store.AddCommentAsync(issue.Number, "status v1", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.WriteIssueAsync(
            issue.Number,
            [new LabelsWrite(["status/done"], ["status/queued"]), new CommentWrite(status.Id, "status v2"), new CommentWrite(null, "result"), new ReactionWrite(status.Id + 100, "+1")],
            CancellationToken.None));

        var read = (await store.GetIssueAsync(issue.Number, CancellationToken.None))!;
        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
        Assert.Equal(["status/queued"], read.Labels);
        Assert.Equal(["status v1"], read.Comments.Select(c => c.Body));
    }

    [Fact]
    public async Task WriteIssueAsync_EditOfDeletedComment_PostsItAgain()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        var status = await store.AddCommentAsync(issue.Number, "status v1", CancellationToken.None);
        using (var raw = _temp.Raw())
        using (var delete = raw.CreateCommand())
        {
            delete.CommandText = "DELETE FROM comments WHERE id = " + status.Id;
            delete.ExecuteNonQuery();
        }

        await store.WriteIssueAsync(issue.Number, [new CommentWrite(status.Id, "status v2")], CancellationToken.None);

        var read = (await store.GetIssueAsync(issue.Number, CancellationToken.None))!;
        Assert.Equal(["status v2"], read.Comments.Select(c => c.Body));
    }

    [Fact]
    public async Task WriteIssueAsync_InvalidLabel_RefusedBeforeAnyWrite()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.WriteIssueAsync(
            issue.Number,
            [new CommentWrite(null, "note"), new LabelsWrite([new string('x', 500)], [])],
            CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Empty((await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Comments);
    }
}
