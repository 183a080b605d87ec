using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Tests.Support;

namespace BusinessOps.GitHub.Tests;

public sealed class StoreWriteTests
{
    [Fact]
    public async Task UpdateLabels_AddsInOnePostAndDeletesEachRemoval()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops", labels: ["status/queued", "priority/P2"]);
        var before = h.Server.Requests.Count;

        await h.Store().UpdateLabelsAsync(n, ["status/in-progress", "sla/at-risk"], ["status/queued", "not-there"], CancellationToken.None);

        var writes = h.Server.Requests.Skip(before).ToList();
        Assert.Single(writes, r => r.Method == "POST");
        Assert.Equal(2, writes.Count(r => r.Method == "DELETE"));
        Assert.Contains(writes, r => r.Path.EndsWith("/labels/status%2Fqueued", StringComparison.Ordinal));
        Assert.Equal(["priority/P2", "status/in-progress", "sla/at-risk"], h.Server.GetIssue(n)!.Labels);
    }

    [Fact]
    public async Task UpdateLabels_MoreThanHundred_FailsBeforeSending()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");

        var ex = await Assert.ThrowsAsync<GitHubValidationException>(() => h.Store().UpdateLabelsAsync(n, [.. Enumerable.Range(0, 101).Select(i => "l" + i)], [], CancellationToken.None));

        Assert.Equal(StoreErrorKind.Invalid, ex.Kind);
        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddComment_ThenUpdate_EditsInPlace()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store();

        var comment = await store.AddCommentAsync(n, "status v1 <!-- businessops:state {} -->", CancellationToken.None);
        var updated = await store.UpdateCommentAsync(n, comment.Id, "status v2 <!-- businessops:state {} -->", CancellationToken.None);

        Assert.Equal(comment.Id, updated.Id);
        Assert.Equal("businessops-bot", updated.Author);
        Assert.Equal("status v2 <!-- businessops:state {} -->", Assert.Single(h.Server.GetIssue(n)!.Comments).Body);
    }

    [Fact]
    public async Task UpdateComment_DeletedMeanwhile_ThrowsNotFound()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store();
        var comment = await store.AddCommentAsync(n, "status", CancellationToken.None);
        h.Server.DeleteComment(comment.Id);

        var ex = await Assert.ThrowsAsync<GitHubNotFoundException>(() => store.UpdateCommentAsync(n, comment.Id, "status 2", CancellationToken.None));

        Assert.Equal(StoreErrorKind.NotFound, ex.Kind);
        Assert.Contains("deleted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddComment_AnswerLostAfterPosting_DoesNotPostTwice()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        h.Server.Faults.FailAfterProcessingNext(1, "POST");

        var comment = await h.Store().AddCommentAsync(n, "done <!-- businessops:result {\"key\":\"k1\"} -->", CancellationToken.None);

        var stored = Assert.Single(h.Server.GetIssue(n)!.Comments);
        Assert.Equal(stored.Id, comment.Id);
    }

    [Fact]
    public async Task AddComment_FailedBeforePosting_PostsOnceMore()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        h.Server.Faults.FailNext(1, 502, "POST");

        await h.Store().AddCommentAsync(n, "done <!-- businessops:result {\"key\":\"k2\"} -->", CancellationToken.None);

        Assert.Single(h.Server.GetIssue(n)!.Comments);
    }

    [Fact]
    public async Task AddComment_PostTimesOut_LooksForMarkerThenPostsExactlyOnce()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        h.Server.Faults.HangNext(1, "POST");
        var before = h.Server.Requests.Count;

        await h.Store(h.Options() with { RequestTimeout = TimeSpan.FromSeconds(1) }).AddCommentAsync(n, "done <!-- businessops:result {\"key\":\"k3\"} -->", CancellationToken.None);

        Assert.Single(h.Server.GetIssue(n)!.Comments);
        Assert.Equal(["POST", "GET", "POST"], h.Server.Requests.Skip(before).Select(r => r.Method));
    }

    [Fact]
    public async Task AddComment_TooLong_TruncatedWithNoteAndMarkerKept()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var marker = "<!-- businessops:state {\"attempt\":1} -->";

        await h.Store().AddCommentAsync(n, marker + "\n" + new string('x', 70_000), CancellationToken.None);

        var body = Assert.Single(h.Server.GetIssue(n)!.Comments).Body;
        Assert.True(body.Length <= 65_536, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("truncated", body, StringComparison.Ordinal);
        Assert.Contains(marker, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_AreSpacedAtLeastOneSecondApart()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store();

        for (var i = 0; i < 5; i++)
        {
            await store.AddCommentAsync(n, "c" + i, CancellationToken.None);
        }

        var times = h.Server.Requests.Where(r => r.IsWrite).Select(r => r.At).ToList();
        Assert.Equal(5, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"{pair.First:O} → {pair.Second:O}"));
    }

    [Fact]
    public async Task Writes_HundredAtDefaultSpacing_NeverHitContentCreationLimit()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store();

        for (var i = 0; i < 100; i++)
        {
            await store.AddCommentAsync(n, "c" + i, CancellationToken.None);
        }

        Assert.Equal(0, h.Server.Counters.SecondaryLimitResponses);
        Assert.Equal(100, h.Server.GetIssue(n)!.Comments.Count);
    }

    [Fact]
    public async Task Writes_WithoutSpacing_WaitOutContentLimitAndLoseNothing()
    {
        await using var h = await Harness.StartAsync();
        var n = h.Server.SeedIssue("Ops");
        var store = h.Store(h.Options() with { WriteSpacing = TimeSpan.Zero, RunBudget = TimeSpan.FromHours(1) });

        for (var i = 0; i < 90; i++)
        {
            await store.AddCommentAsync(n, "c" + i, CancellationToken.None);
        }

        Assert.True(h.Server.Counters.SecondaryLimitResponses >= 1);
        Assert.Contains(TimeSpan.FromSeconds(60), h.Clock.Delays);
        Assert.Equal(90, h.Server.GetIssue(n)!.Comments.Count);
    }

    [Fact]
    public async Task CreateIssue_SetState_Reaction_RoundTrip()
    {
        await using var h = await Harness.StartAsync();
        var store = h.Store();

        var created = await store.CreateIssueAsync(new NewIssue("Weekly report", "Numbers", ["analytics/reporting", "priority/P3"]), CancellationToken.None);
        var comment = await store.AddCommentAsync(created.Number, "ack", CancellationToken.None);
        await store.AddReactionAsync(created.Number, comment.Id, "eyes", CancellationToken.None);
        await store.SetStateAsync(created.Number, IssueState.Closed, CancellationToken.None);

        Assert.Equal(["analytics/reporting", "priority/P3"], created.Labels);
        Assert.True(h.Server.GetIssue(created.Number)!.Closed);
        Assert.Equal((comment.Id, "eyes", "businessops-bot"), Assert.Single(h.Server.Reactions));
        await Assert.ThrowsAsync<GitHubValidationException>(() => store.AddReactionAsync(created.Number, comment.Id, "<script>", CancellationToken.None));
    }

    [Fact]
    public async Task Permission_CachedPerLogin_AndRolesMapped()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SetPermission("mia", "maintain");
        h.Server.SetPermission("tom", "triage");
        var store = h.Store();

        var mia = await store.GetPermissionAsync("mia", CancellationToken.None);
        var again = await store.GetPermissionAsync("MIA", CancellationToken.None);
        var tom = await store.GetPermissionAsync("tom", CancellationToken.None);
        var stranger = await store.GetPermissionAsync("stranger", CancellationToken.None);

        Assert.Equal(RepositoryPermission.Maintain, mia);
        Assert.Equal(mia, again);
        Assert.Equal(RepositoryPermission.Triage, tom);
        Assert.Equal(RepositoryPermission.None, stranger);
        Assert.Equal(3, h.Server.Requests.Count(r => r.Path.Contains("/collaborators/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Teams_ReadableTeamListsMembers_UnreadableOrMalformedIsNull()
    {
        await using var h = await Harness.StartAsync();
        h.Server.SeedTeam("acme/finance", "fiona", "frank");
        var store = h.Store();

        var finance = await store.GetTeamMembersAsync("acme/finance", CancellationToken.None);
        var hidden = await store.GetTeamMembersAsync("acme/board", CancellationToken.None);
        var malformed = await store.GetTeamMembersAsync("no-slash", CancellationToken.None);

        Assert.Equal(["fiona", "frank"], finance);
        Assert.Null(hidden);
        Assert.Null(malformed);
    }

    [Fact]
    public async Task Labels_UpsertCreatesThenUpdates_ListReturnsThem()
    {
        await using var h = await Harness.StartAsync();
        var store = h.Store();

        await store.UpsertLabelAsync(new LabelDefinition("status/queued", "0e8a16", "Waiting for an agent"), CancellationToken.None);
        await store.UpsertLabelAsync(new LabelDefinition("status/queued", "#fbca04", "Queued"), CancellationToken.None);
        var labels = await h.Store().ListLabelsAsync(CancellationToken.None);

        var label = Assert.Single(labels);
        Assert.Equal(new LabelDefinition("status/queued", "fbca04", "Queued"), label);
    }

    [Fact]
    public async Task Identity_Token_IsAuthenticatedLogin_ActionsTokenIsGithubActionsBot()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal("businessops-bot", await h.Store().ResolveIdentityAsync(CancellationToken.None));
        Assert.Equal("github-actions[bot]", h.Store(h.Options("ghs_actionsInstallationToken123")).Identity);
    }
}
