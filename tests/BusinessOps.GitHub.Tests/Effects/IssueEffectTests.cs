using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>github.labels, github.comment, github.issue and github.close on the fake GitHub.</summary>
public sealed class IssueEffectTests
{
    [Fact]
    public async Task Labels_AddRemoveAndPriority_AppliedOnceAndCheckedByState()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Lead from Acme", labels: ["priority/P3", "status/needs-triage"]);
        var request = h.Request(EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("sales/lead"), ["remove"] = new JsonArray("status/needs-triage"), ["priority"] = "P1" }, n);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var before = h.Server.Requests.Count;
        var again = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal($"https://github.com/acme/ops/issues/{n}", outcome.Reference);
        Assert.Equal(["priority/P1", "sales/lead"], h.Server.GetIssue(n)!.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(EffectStatus.Done, again.Status);
        Assert.DoesNotContain(h.Since(before), r => r.IsWrite);
        Assert.Equal(EffectPresence.Performed, check.Presence);
    }

    [Fact]
    public async Task Labels_SameLabelAddedAndRemoved_RefusedWithoutRequests()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Lead");
        var before = h.Server.Requests.Count;

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("sales/lead"), ["remove"] = new JsonArray("Sales/Lead") }, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("label 'sales/lead' is both added and removed", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(h.Since(before));
    }

    [Fact]
    public async Task Comment_Performed_CarriesEscapedMarkerAndCheckFindsIt()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Ticket");
        var request = h.Request(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "Thanks, fixed in 1.2." }, n, index: 2);
        Assert.Equal(EffectPresence.NotPerformed, (await h.Connector.CheckAsync(request, CancellationToken.None)).Presence);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        var comment = Assert.Single(h.Server.GetIssue(n)!.Comments);
        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.EndsWith("#issuecomment-" + comment.Id, outcome.Reference, StringComparison.Ordinal);
        Assert.Equal($"Thanks, fixed in 1.2.\n\n<!-- businessops:effect acme/ops#{n}/a1/execute/e2 -->", comment.Body);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        Assert.Equal(outcome.Reference, check.Reference);
    }

    [Fact]
    public async Task Comment_MarkerForgedInTextOrByAnotherAuthor_NotTakenForOurs()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Ticket");
        var later = h.Request(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "second" }, n, index: 2);
        var forged = EffectMarker.Format(later.KeyText);
        h.Server.SeedComment(n, "mallory", "copied " + forged);
        var first = h.Request(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "quoting the customer: " + forged }, n, index: 1);

        await h.Connector.PerformAsync(first, CancellationToken.None);
        var check = await h.Connector.CheckAsync(later, CancellationToken.None);

        Assert.Equal(EffectPresence.NotPerformed, check.Presence);
        Assert.Contains("&lt;!-- businessops:effect", h.Server.GetIssue(n)!.Comments[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_OpenedAsSubIssueOfTarget_ReferenceIsTheNewIssue()
    {
        await using var h = await EffectHarness.StartAsync();
        var parent = h.Server.SeedIssue("Build the invoice importer");
        var request = h.Request(EffectKinds.GitHubIssue, "#" + parent, new JsonObject { ["title"] = "Parse CSV", ["body"] = "Columns: date, amount", ["labels"] = new JsonArray("dev/implementation"), ["estimate"] = "3d" }, parent);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        var child = Assert.Single(h.Server.SubIssuesOf(parent));
        var issue = h.Server.GetIssue(child)!;
        Assert.Equal($"https://github.com/acme/ops/issues/{child}", outcome.Reference);
        Assert.Equal("Parse CSV", issue.Title);
        Assert.Contains("**Estimate:** 3d", issue.Body, StringComparison.Ordinal);
        Assert.True(EffectMarker.IsIn(issue.Body, request.KeyText));
        Assert.Equal(["dev/implementation"], issue.Labels);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        Assert.Empty(h.Server.GetIssue(parent)!.Comments);
    }

    [Fact]
    public async Task Issue_SubIssuesUnavailable_LinkedInTaskListOnTarget()
    {
        await using var h = await EffectHarness.StartAsync();
        h.Server.SubIssuesEnabled = false;
        var parent = h.Server.SeedIssue("Epic");
        var request = h.Request(EffectKinds.GitHubIssue, "#" + parent, new JsonObject { ["title"] = "Step one" }, parent);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        var child = parent + 1;
        var link = Assert.Single(h.Server.GetIssue(parent)!.Comments);
        Assert.Contains($"- [ ] #{child}", link.Body, StringComparison.Ordinal);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        Assert.Equal(outcome.Reference, check.Reference);
    }

    [Fact]
    public async Task Issue_AnswerToLinkLost_UnknownThenCheckAndPerformLinkWithoutSecondIssue()
    {
        await using var h = await EffectHarness.StartAsync();
        var parent = h.Server.SeedIssue("Epic");
        var request = h.Request(EffectKinds.GitHubIssue, "#" + parent, new JsonObject { ["title"] = "Step one" }, parent);
        h.Server.Faults.FailNext(1, 502, "POST", "/sub_issues");

        var first = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);
        var second = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Unknown, first.Status);
        Assert.Contains($"opened #{parent + 1}", first.Error, StringComparison.Ordinal);
        Assert.Equal(EffectPresence.NotPerformed, check.Presence);
        Assert.Equal(EffectStatus.Done, second.Status);
        Assert.Equal(2, h.Server.IssueCount);
        Assert.Equal([parent + 1], h.Server.SubIssuesOf(parent));
    }

    [Fact]
    public async Task Issue_ParentMissing_FailsBeforeOpeningAnything()
    {
        await using var h = await EffectHarness.StartAsync();
        h.Server.SeedIssue("Something else");
        var request = h.Request(EffectKinds.GitHubIssue, "#99", new JsonObject { ["title"] = "Orphan" }, 99);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("nothing was changed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.IssueCount);
    }

    [Fact]
    public async Task Close_WithReasonAndComment_ClosedAsNotPlannedAndCheckedByState()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Duplicate request");
        var request = h.Request(EffectKinds.GitHubClose, "#" + n, new JsonObject { ["reason"] = "not_planned", ["comment"] = "Handled in #1." }, n, index: 3);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        var issue = h.Server.GetIssue(n)!;
        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.True(issue.Closed);
        Assert.Equal("not_planned", issue.StateReason);
        Assert.True(EffectMarker.IsIn(Assert.Single(issue.Comments).Body, request.KeyText));
        Assert.Equal(EffectPresence.Performed, check.Presence);
    }

    [Fact]
    public async Task Close_CommentPostedButCloseLost_CheckThenPerformClosesWithoutSecondComment()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Done already");
        var request = h.Request(EffectKinds.GitHubClose, "#" + n, new JsonObject { ["reason"] = "completed", ["comment"] = "Shipped." }, n);
        h.Server.Faults.FailNext(4, 503, "PATCH");

        var first = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);
        var second = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Unknown, first.Status);
        Assert.Equal(EffectPresence.NotPerformed, check.Presence);
        Assert.Equal(EffectStatus.Done, second.Status);
        var issue = h.Server.GetIssue(n)!;
        Assert.True(issue.Closed);
        Assert.Single(issue.Comments);
    }
}
