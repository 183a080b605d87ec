using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreLimitsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CreateIssueAsync_BodyAtLimit_IsStoredWhole()
    {
        using var store = _temp.Open();
        var body = new string('a', 65_536);

        var issue = await store.CreateIssueAsync(Some.Issue(body: body), CancellationToken.None);

        Assert.Equal(body, (await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Body);
    }

    [Fact]
    public async Task CreateIssueAsync_BodyOverLimit_ThrowsInvalidNamingTheLimit()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.CreateIssueAsync(Some.Issue(body: new string('a', 65_537)), CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("65537 characters long; the limit is 65536", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None));
    }

    [Fact]
    public async Task AddCommentAsync_CommentOverLimit_ThrowsInvalid()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.AddCommentAsync(issue.Number, new string('b', 65_537), CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("comment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIssueAsync_TitleLimits_AcceptsTwoHundredFiftySixRejectsMoreAndEmpty()
    {
        using var store = _temp.Open();

        var ok = await store.CreateIssueAsync(Some.Issue(title: new string('t', 256)), CancellationToken.None);
        var tooLong = await Assert.ThrowsAsync<IssueStoreException>(() => store.CreateIssueAsync(Some.Issue(title: new string('t', 257)), CancellationToken.None));
        var empty = await Assert.ThrowsAsync<IssueStoreException>(() => store.CreateIssueAsync(Some.Issue(title: "  "), CancellationToken.None));

        Assert.Equal(256, ok.Title.Length);
        Assert.Equal(StoreErrorKind.Invalid, tooLong.Kind);
        Assert.Contains("limit is 256", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(StoreErrorKind.Invalid, empty.Kind);
    }

    [Fact]
    public async Task CreateIssueAsync_BinaryLookingBody_DropsNulKeepsEverythingElse()
    {
        using var store = _temp.Open();
        var binary = "PK\u0003\u0004\0\0\u001b[31mred\u001b[0m\u0007\r\n\uFFFD\u00ff\u0001end";

        var issue = await store.CreateIssueAsync(Some.Issue(title: "zip\0file", body: binary), CancellationToken.None);
        var read = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal("zipfile", read!.Title);
        Assert.Equal(binary.Replace("\0", string.Empty, StringComparison.Ordinal), read.Body);
    }

    [Fact]
    public async Task AddCommentAsync_EmptyBody_IsAllowed()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(body: string.Empty), CancellationToken.None);

        var comment = await store.AddCommentAsync(issue.Number, string.Empty, CancellationToken.None);

        Assert.Equal(string.Empty, comment.Body);
        Assert.Equal(string.Empty, (await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Body);
    }

    [Fact]
    public async Task ListIssuesAsync_HostileLabelFilter_IsAParameterNotSql()
    {
        using var store = _temp.Open();
        await store.CreateIssueAsync(Some.Issue(labels: ["x"]), CancellationToken.None);

        var matched = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All, ["x' OR 1=1 --"]), CancellationToken.None);

        Assert.Empty(matched);
    }
}
