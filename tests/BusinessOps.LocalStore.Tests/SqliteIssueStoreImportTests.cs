using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CreateIssuesAsync_Chunk_EachIssueHasItsAuthorLabelsAndSequentialNumber()
    {
        using var store = _temp.Open("importer");
        await store.CreateIssueAsync(Some.Issue("already there"), CancellationToken.None);

        var numbers = await store.CreateIssuesAsync(
            [
                new ImportedIssue("  Refund order 17  ", "body one", ["support/billing", "priority/P2"], "alice"),
                new ImportedIssue("Quarterly report", string.Empty, ["analytics/report", "Support/Billing"], "bob"),
            ],
            CancellationToken.None);

        var issues = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);
        Assert.Equal([2, 3], numbers);
        Assert.Equal(["already there", "Refund order 17", "Quarterly report"], issues.Select(i => i.Title));
        Assert.Equal(["importer", "alice", "bob"], issues.Select(i => i.Author));
        Assert.Equal(["support/billing", "priority/P2"], issues[1].Labels);

        // One label row per name whatever its casing in the input, as on GitHub.
        Assert.Equal(["analytics/report", "support/billing"], issues[2].Labels.Order(StringComparer.Ordinal));
        Assert.Single(await store.ListLabelsAsync(CancellationToken.None), l => l.Name.Equals("support/billing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CreateIssuesAsync_OneBadIssue_NothingFiled()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.CreateIssuesAsync(
            [new ImportedIssue("fine", string.Empty, [], "alice"), new ImportedIssue("also fine", string.Empty, ["a,b"], "bob")],
            CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Empty(await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None));
    }

    [Theory]
    [InlineData("", "alice", "title")]
    [InlineData("ok", "two words", "login")]
    [InlineData("ok", "", "login")]
    public void Problem_InvalidIssue_NamesWhatIsWrong(string title, string author, string expected)
    {
        var problem = ImportedIssueRules.Problem(new ImportedIssue(title, string.Empty, [], author));

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Problem_OverLongTitle_SaysTheLimit()
    {
        var problem = ImportedIssueRules.Problem(new ImportedIssue(new string('x', StoreLimits.MaxTitleLength + 1), string.Empty, [], "alice"));

        Assert.Contains("257 characters", problem, StringComparison.Ordinal);
        Assert.Contains("256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TooManyLabels_SaysTheLimit()
    {
        var labels = Enumerable.Range(0, StoreLimits.MaxLabelsPerIssue + 1).Select(i => "label-" + i).ToList();

        Assert.Contains("at most 100 labels", ImportedIssueRules.Problem(new ImportedIssue("t", string.Empty, labels, "alice")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssueKeysAsync_MarkedAndPlainBodies_BodyOnlyWhereMarked()
    {
        using var store = _temp.Open("alice");
        await store.CreateIssueAsync(new NewIssue("plain", "a long body without a marker", []), CancellationToken.None);
        await store.CreateIssueAsync(new NewIssue("marked", "text\n\n" + SqliteIssueStore.ImportMarkerPrefix + "{\"id\":\"7\"} -->", []), CancellationToken.None);

        var keys = await store.ListIssueKeysAsync(CancellationToken.None);

        Assert.Equal(2, keys.Count);
        Assert.Equal(new IssueKey(1, "plain", "alice", null), keys[0]);
        Assert.Contains("{\"id\":\"7\"}", keys[1].MarkedBody, StringComparison.Ordinal);
    }
}
