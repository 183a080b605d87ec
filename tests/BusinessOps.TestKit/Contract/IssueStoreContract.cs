using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.TestKit.Contract;

/// <summary>
/// The one <see cref="IIssueStore"/> contract: the same cases run against every adapter (SQLite, the in-memory store, the
/// GitHub store over the fake GitHub). Written against the port only, so an adapter can change inside without touching it.
/// A derived class supplies a fresh, empty store whose writes are made as <see cref="IIssueStore.Identity"/>.
/// </summary>
public abstract class IssueStoreContract
{
    private static CancellationToken None => CancellationToken.None;

    /// <summary>A fresh, empty store; disposed by the caller when it is disposable.</summary>
    protected abstract Task<IIssueStore> CreateStoreAsync();

    [Fact]
    public Task CreateIssue_ThenGet_RoundTripsTitleBodyLabelsAndUnicode() => WithStoreAsync(async store =>
    {
        var created = await store.CreateIssueAsync(new NewIssue("Invoice ✓ für ACME", "### Amount\n\n$4,000 — שלום 👋", ["finance/invoice", "priority/P2"]), None);
        var read = await store.GetIssueAsync(created.Number, None);

        Assert.NotNull(read);
        Assert.Equal(("Invoice ✓ für ACME", "### Amount\n\n$4,000 — שלום 👋", IssueState.Open), (read.Title, read.Body, read.State));
        Assert.Equal(["finance/invoice", "priority/P2"], read.Labels.Order(StringComparer.Ordinal));
        Assert.Empty(read.Comments);
    });

    [Fact]
    public Task GetIssue_Missing_ReturnsNull() => WithStoreAsync(async store =>
    {
        await store.CreateIssueAsync(new NewIssue("one", string.Empty, []), None);

        Assert.Null(await store.GetIssueAsync(9999, None));
    });

    [Fact]
    public Task ListIssues_ByState_OpenClosedAllInNumberOrder() => WithStoreAsync(async store =>
    {
        var a = await store.CreateIssueAsync(new NewIssue("a", string.Empty, []), None);
        var b = await store.CreateIssueAsync(new NewIssue("b", string.Empty, []), None);
        var c = await store.CreateIssueAsync(new NewIssue("c", string.Empty, []), None);
        await store.SetStateAsync(b.Number, IssueState.Closed, None);

        Assert.Equal([a.Number, c.Number], (await store.ListIssuesAsync(IssueQuery.Open, None)).Select(i => i.Number));
        Assert.Equal([b.Number], (await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Closed), None)).Select(i => i.Number));
        Assert.Equal([a.Number, b.Number, c.Number], (await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), None)).Select(i => i.Number));
    });

    [Fact]
    public Task ListIssues_ByLabels_EveryLabelRequired() => WithStoreAsync(async store =>
    {
        await store.CreateIssueAsync(new NewIssue("qa only", string.Empty, ["dev/qa"]), None);
        var both = await store.CreateIssueAsync(new NewIssue("qa p1", string.Empty, ["dev/qa", "priority/P1"]), None);
        await store.CreateIssueAsync(new NewIssue("p1 only", string.Empty, ["priority/P1"]), None);

        var found = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Open, ["dev/qa", "priority/P1"]), None);

        Assert.Equal([both.Number], found.Select(i => i.Number));
    });

    [Fact]
    public Task AddComment_ThenGet_InOrderAuthoredByTheStoreIdentity() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var first = await store.AddCommentAsync(issue.Number, "first", None);
        await store.AddCommentAsync(issue.Number, "second", None);

        var read = await store.GetIssueAsync(issue.Number, None);

        Assert.Equal(["first", "second"], read!.Comments.Select(c => c.Body));
        Assert.All(read.Comments, c => Assert.Equal(store.Identity, c.Author, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(first.Id, read.Comments[0].Id);
    });

    [Fact]
    public Task UpdateComment_EditsInPlace() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var comment = await store.AddCommentAsync(issue.Number, "status: queued", None);

        var updated = await store.UpdateCommentAsync(issue.Number, comment.Id, "status: done", None);
        var read = await store.GetIssueAsync(issue.Number, None);

        Assert.Equal((comment.Id, "status: done"), (updated.Id, updated.Body));
        Assert.Equal((comment.Id, "status: done"), (Assert.Single(read!.Comments).Id, read.Comments[0].Body));
    });

    [Fact]
    public Task UpdateComment_Deleted_ThrowsNotFound() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);

        var error = await Assert.ThrowsAnyAsync<IssueStoreException>(() => store.UpdateCommentAsync(issue.Number, 987654321, "x", None));

        Assert.Equal(StoreErrorKind.NotFound, error.Kind);
    });

    [Fact]
    public Task UpdateLabels_AddAndRemove_IdempotentAndCaseInsensitive() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, ["status/queued"]), None);

        await store.UpdateLabelsAsync(issue.Number, ["status/in-progress", "priority/P1"], ["Status/Queued"], None);
        await store.UpdateLabelsAsync(issue.Number, ["priority/P1"], ["sla/at-risk"], None);
        var read = await store.GetIssueAsync(issue.Number, None);

        Assert.Equal(["priority/P1", "status/in-progress"], read!.Labels.Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task SetState_CloseThenReopen_StateFollows() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);

        await store.SetStateAsync(issue.Number, IssueState.Closed, None);
        var closed = await store.GetIssueAsync(issue.Number, None);
        await store.SetStateAsync(issue.Number, IssueState.Open, None);
        var reopened = await store.GetIssueAsync(issue.Number, None);

        Assert.Equal((IssueState.Closed, IssueState.Open), (closed!.State, reopened!.State));
    });

    [Fact]
    public Task GetPermission_Stranger_IsNone() => WithStoreAsync(async store =>
        Assert.Equal(RepositoryPermission.None, await store.GetPermissionAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], None)));

    [Fact]
    public Task UpsertLabel_CreateThenUpdate_ListShowsLatestColourAndDescription() => WithStoreAsync(async store =>
    {
        await store.UpsertLabelAsync(new LabelDefinition("priority/P0", "ff0000", "Resolve within 1 hour"), None);
        await store.UpsertLabelAsync(new LabelDefinition("priority/P0", "b60205", "Resolve within 1h"), None);

        var label = Assert.Single(await store.ListLabelsAsync(None), l => l.Name == "priority/P0");

        Assert.Equal(("b60205", "Resolve within 1h"), (label.Color.ToLowerInvariant(), label.Description));
    });

    [Fact]
    public Task AddReaction_OnAComment_Succeeds() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var comment = await store.AddCommentAsync(issue.Number, "/approve", None);

        await store.AddReactionAsync(issue.Number, comment.Id, "+1", None);
        await store.AddReactionAsync(issue.Number, comment.Id, "+1", None);
    });

    private async Task WithStoreAsync(Func<IIssueStore, Task> test)
    {
        var store = await CreateStoreAsync();
        try
        {
            await test(store);
        }
        finally
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
