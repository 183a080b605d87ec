using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore.Tests;

public sealed class SqliteIssueStoreLabelsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpdateLabelsAsync_AddAndRemove_AppliesBothAndCreatesUnknownLabels()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(labels: ["status/queued", "priority/P2"]), CancellationToken.None);

        await store.UpdateLabelsAsync(issue.Number, ["status/in-progress"], ["status/queued"], CancellationToken.None);
        var updated = await store.GetIssueAsync(issue.Number, CancellationToken.None);
        var repository = await store.ListLabelsAsync(CancellationToken.None);

        Assert.Equal(["priority/P2", "status/in-progress"], updated!.Labels);
        Assert.Contains(new LabelDefinition("status/in-progress", StoreLimits.DefaultLabelColor, string.Empty), repository);
    }

    [Fact]
    public async Task UpdateLabelsAsync_DifferentCasing_MatchesExistingLabelAndKeepsItsSpelling()
    {
        using var store = _temp.Open();
        await store.UpsertLabelAsync(new LabelDefinition("priority/P1", "d93f0b", "4 h SLA"), CancellationToken.None);
        var issue = await store.CreateIssueAsync(Some.Issue(labels: ["Priority/p1"]), CancellationToken.None);

        await store.UpdateLabelsAsync(issue.Number, ["PRIORITY/P1"], [], CancellationToken.None);
        var updated = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(["priority/P1"], updated!.Labels);
        Assert.Single(await store.ListLabelsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpdateLabelsAsync_NothingChanges_DoesNotTouchUpdatedAt()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(labels: ["dev/qa"]), CancellationToken.None);
        _temp.Clock.Advance(TimeSpan.FromHours(1));

        await store.UpdateLabelsAsync(issue.Number, ["dev/QA"], ["not-there"], CancellationToken.None);
        var after = await store.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(issue.UpdatedAt, after!.UpdatedAt);
        Assert.Equal(["dev/qa"], after.Labels);
    }

    [Fact]
    public async Task UpdateLabelsAsync_LabelInAddAndRemove_EndsPresent()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        await store.UpdateLabelsAsync(issue.Number, ["sla/at-risk"], ["sla/at-risk"], CancellationToken.None);

        Assert.Equal(["sla/at-risk"], (await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Labels);
    }

    [Fact]
    public async Task UpdateLabelsAsync_MoreThanHundredLabels_ThrowsInvalid()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(labels: [.. Enumerable.Range(0, 100).Select(i => $"tag/{i}")]), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateLabelsAsync(issue.Number, ["tag/100"], [], CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("at most 100 labels", ex.Message, StringComparison.Ordinal);
        Assert.Equal(100, (await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Labels.Count);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x23456789012345678901234567890123456789012345678901")]
    public async Task UpdateLabelsAsync_BadName_ThrowsInvalid(string name)
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateLabelsAsync(issue.Number, [name], [], CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task UpdateLabelsAsync_FiftyCharacterName_IsAccepted()
    {
        using var store = _temp.Open();
        var issue = await store.CreateIssueAsync(Some.Issue(), CancellationToken.None);
        var name = new string('x', 50);

        await store.UpdateLabelsAsync(issue.Number, [name], [], CancellationToken.None);

        Assert.Equal([name], (await store.GetIssueAsync(issue.Number, CancellationToken.None))!.Labels);
    }

    [Fact]
    public async Task UpdateLabelsAsync_MissingIssue_ThrowsNotFound()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpdateLabelsAsync(3, ["x"], [], CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task UpsertLabelAsync_Existing_UpdatesColourDescriptionAndCasing()
    {
        using var store = _temp.Open();
        await store.UpsertLabelAsync(new LabelDefinition("Status/Done", "#0E8A16", "finished"), CancellationToken.None);

        await store.UpsertLabelAsync(new LabelDefinition("status/done", "0e8a16", "Work finished"), CancellationToken.None);
        var labels = await store.ListLabelsAsync(CancellationToken.None);

        Assert.Equal([new LabelDefinition("status/done", "0e8a16", "Work finished")], labels);
    }

    [Fact]
    public async Task UpsertLabelAsync_BadColour_ThrowsInvalid()
    {
        using var store = _temp.Open();

        var ex = await Assert.ThrowsAsync<IssueStoreException>(() => store.UpsertLabelAsync(new LabelDefinition("x", "red", string.Empty), CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
    }
}
