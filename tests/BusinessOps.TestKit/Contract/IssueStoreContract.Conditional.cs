using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.TestKit.Contract;

/// <summary>The conditional writes a pass takes an issue's lease with: one winner, the loser writes nothing.</summary>
public abstract partial class IssueStoreContract
{
    private const string Marker = "<!-- businessops:state ";

    [Fact]
    public Task TryUpdateComment_UnchangedSinceRead_Writes() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var read = await store.AddCommentAsync(issue.Number, "v1", None);

        var written = await store.TryUpdateCommentAsync(issue.Number, read, "v2", None);

        Assert.Equal("v2", written?.Body);
        Assert.Equal("v2", Assert.Single((await store.GetIssueAsync(issue.Number, None))!.Comments).Body);
    });

    [Fact]
    public Task TryUpdateComment_ChangedSinceRead_NothingWritten() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var read = await store.AddCommentAsync(issue.Number, "v1", None);
        await store.UpdateCommentAsync(issue.Number, read.Id, "other pass", None);

        var written = await store.TryUpdateCommentAsync(issue.Number, read, "v2", None);

        Assert.Null(written);
        Assert.Equal("other pass", Assert.Single((await store.GetIssueAsync(issue.Number, None))!.Comments).Body);
    });

    [Fact]
    public Task TryUpdateComment_ManyWritersFromOneRead_ExactlyOneWins() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);
        var read = await store.AddCommentAsync(issue.Number, "v1", None);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.TryUpdateCommentAsync(issue.Number, read, "pass " + i, None))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Body, Assert.Single((await store.GetIssueAsync(issue.Number, None))!.Comments).Body);
    });

    [Fact]
    public Task TryAddUniqueComment_MarkerAlreadyPosted_NothingWritten() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);

        var first = await store.TryAddUniqueCommentAsync(issue.Number, Marker, "status A\n" + Marker + "{} -->", None);
        var second = await store.TryAddUniqueCommentAsync(issue.Number, Marker, "status B\n" + Marker + "{} -->", None);
        var other = await store.TryAddUniqueCommentAsync(issue.Number, "<!-- businessops:note x -->", "a note <!-- businessops:note x -->", None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);
        var bodies = (await store.GetIssueAsync(issue.Number, None))!.Comments.Select(c => c.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.StartsWith("status A", bodies[0], StringComparison.Ordinal);
        Assert.StartsWith("a note", bodies[1], StringComparison.Ordinal);
    });

    [Fact]
    public Task TryAddUniqueComment_ManyWritersAtOnce_ExactlyOneCommentStays() => WithStoreAsync(async store =>
    {
        var issue = await store.CreateIssueAsync(new NewIssue("t", string.Empty, []), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.TryAddUniqueCommentAsync(issue.Number, Marker, $"pass {i}\n{Marker}{{}} -->", None))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Id, Assert.Single((await store.GetIssueAsync(issue.Number, None))!.Comments).Id);
    });
}
