using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreCommentsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddCommentAsync_AsPersonAndBot_RecordsAuthorBotFlagAndBumpsIssue()
    {
        using var bot = _temp.Open();
        using var alice = _temp.Open("alice");
        var issue = await alice.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromSeconds(30));

        var fromAlice = await alice.AddCommentAsync(issue.Number, "/approve", CancellationToken.None);
        var fromBot = await bot.AddCommentAsync(issue.Number, "Queued.", CancellationToken.None);
        var read = await bot.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(("alice", false), (fromAlice.Author, fromAlice.AuthorIsBot));
        Assert.Equal(("businessops[bot]", true), (fromBot.Author, fromBot.AuthorIsBot));
        Assert.Equal([fromAlice, fromBot], read!.Comments);
        Assert.True(fromBot.Id > fromAlice.Id);
        Assert.Equal(issue.CreatedAt.AddSeconds(30), read.UpdatedAt);
    }

    [Fact]
    public async Task AddCommentAsync_MissingIssue_ThrowsNotFound()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.AddCommentAsync(5, "hi", CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task UpdateCommentAsync_Existing_EditsInPlaceAndMarksEdited()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        var comment = await store.AddCommentAsync(issue.Number, "status v1", CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(2));

        var edited = await store.UpdateCommentAsync(issue.Number, comment.Id, "status v2", CancellationToken.None);
        var read = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(comment.Id, edited.Id);
        Assert.Equal("status v2", edited.Body);
        Assert.True(edited.WasEdited);
        Assert.Equal(comment.CreatedAt, edited.CreatedAt);
        Assert.Equal(edited, Assert.Single(read!.Comments));
    }

    [Fact]
    public async Task UpdateCommentAsync_SameBody_IsNotAWrite()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        var comment = await store.AddCommentAsync(issue.Number, "same", CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromMinutes(2));

        var again = await store.UpdateCommentAsync(issue.Number, comment.Id, "same", CancellationToken.None);

        Assert.Equal(comment, again);
        Assert.False(again.WasEdited);
    }

    [Fact]
    public async Task UpdateCommentAsync_MissingComment_ThrowsNotFound()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateCommentAsync(issue.Number, 777, "x", CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
        Assert.Contains("777", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCommentAsync_CommentOfAnotherIssue_ThrowsNotFound()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(Some.Issue("one"), CancellationToken.None);
        await store.CreateIssueAsync(Some.Issue("two"), CancellationToken.None);
        var onFirst = await store.AddCommentAsync(1, "on one", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateCommentAsync(2, onFirst.Id, "moved?", CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
        Assert.Equal("on one", (await store.GetIssueAsync(1, CancellationToken.None))!.Comments[0].Body);
    }

    [Fact]
    public async Task AddReactionAsync_Twice_IsIdempotentAndUnknownContentIsInvalid()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        var comment = await store.AddCommentAsync(issue.Number, "/approve", CancellationToken.None);

        await store.AddReactionAsync(issue.Number, comment.Id, "+1", CancellationToken.None);
        await store.AddReactionAsync(issue.Number, comment.Id, "+1", CancellationToken.None);
        var bad = await Assert.ThrowsAsync<IssueStoreException>(() => store.AddReactionAsync(issue.Number, comment.Id, "thumbsup", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<IssueStoreException>(() => store.AddReactionAsync(issue.Number, 999, "eyes", CancellationToken.None));

        using var raw = _temp.Raw();
        using var count = raw.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM reactions;";
        Assert.Equal(1L, count.ExecuteScalar());
        Assert.Equal(StoreErrorKind.Invalid, bad.Kind);
        Assert.Equal(StoreErrorKind.NotFound, missing.Kind);
    }
}
