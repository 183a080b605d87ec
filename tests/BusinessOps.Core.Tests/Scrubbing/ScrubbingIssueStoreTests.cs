using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Core.Tests.Scrubbing;

public sealed class ScrubbingIssueStoreTests
{
    private const string Secret = "the-deploy-key-0123456789";

    private readonly InMemoryIssueStore _inner = new(new FakeTimeProvider(Some.Epoch));
    private readonly ScrubbingIssueStore _store;

    public ScrubbingIssueStoreTests()
    {
        var masker = new SecretMasker();
        masker.Add(Secret);
        _store = ScrubbingIssueStore.Wrap(_inner, masker);
    }

    [Fact]
    public async Task EveryTextWrite_MaskedAndNeutralised()
    {
        var issue = await _store.CreateIssueAsync(new NewIssue($"title {Secret}", "body ${{ secrets.X }}\0", ["dev/qa"]), CancellationToken.None);
        var comment = await _store.AddCommentAsync(issue.Number, $"stderr: {Secret}", CancellationToken.None);
        await _store.UpdateCommentAsync(issue.Number, comment.Id, $"\u202Eedited {Secret}", CancellationToken.None);
        await _store.UpsertLabelAsync(new LabelDefinition("dev/qa", "ededed", $"QA {Secret}"), CancellationToken.None);

        var stored = await _inner.GetIssueAsync(issue.Number, CancellationToken.None);

        Assert.Equal(("title ***", "body $\u200B{{ secrets.X }}"), (stored!.Title, stored.Body));
        Assert.Equal("edited ***", Assert.Single(stored.Comments).Body);
        Assert.Equal("QA ***", Assert.Single(await _inner.ListLabelsAsync(CancellationToken.None), l => l.Name == "dev/qa").Description);
    }

    [Fact]
    public async Task UpdateComment_SameTextOnceScrubbed_NoWrite()
    {
        var issue = await _store.CreateIssueAsync(new NewIssue("t", "b", []), CancellationToken.None);
        var comment = await _store.AddCommentAsync(issue.Number, $"status with {Secret}", CancellationToken.None);
        var writes = _inner.Writes;

        // A caller comparing its unscrubbed text with the stored one thinks it changed; the store knows better.
        await _store.UpdateCommentAsync(issue.Number, comment.Id, $"status with {Secret}", CancellationToken.None);

        Assert.Equal(writes, _inner.Writes);
    }

    [Fact]
    public void Wrap_StoreWithTeamDirectory_StaysATeamDirectory()
    {
        Assert.IsNotAssignableFrom<ITeamDirectory>(_store);
        Assert.Same(_store, ScrubbingIssueStore.Wrap(_store, new SecretMasker()));
    }
}
