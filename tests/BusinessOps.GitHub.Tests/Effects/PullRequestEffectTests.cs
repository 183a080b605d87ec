using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>github.pull-request: a branch with files and a draft pull request, on the fake GitHub's Git data API.</summary>
public sealed class PullRequestEffectTests
{
    [Fact]
    public async Task PullRequest_BranchWithFilesAndDraft_ReferenceIsThePullRequest()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, Adr("adr/0007-queue"), n);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        var pull = Assert.Single(h.Server.PullRequests);
        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal($"https://github.com/acme/ops/pull/{pull.Number}", outcome.Reference);
        Assert.True(pull.Draft);
        Assert.Equal(("adr/0007-queue", "main"), (pull.Head, pull.Base));
        Assert.True(EffectMarker.IsIn(pull.Body, request.KeyText));
        Assert.Contains($"Refs #{n}", pull.Body, StringComparison.Ordinal);
        var files = h.Server.FilesOf("adr/0007-queue")!;
        Assert.Equal("# ADR 7\nUse SQS.\n", files["docs/adr/0007-queue.md"]);
        Assert.True(files.ContainsKey("README.md"));
        Assert.Contains("BusinessOps-Effect: " + request.KeyText, h.Server.HeadOf("adr/0007-queue")!.Message, StringComparison.Ordinal);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        Assert.Equal(outcome.Reference, check.Reference);
    }

    [Fact]
    public async Task PullRequest_NoBranchNamed_BranchDerivedFromTheKey()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Scaffold");
        var parameters = Adr("unused");
        parameters.Remove("branch");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, parameters, n, index: 4);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        var branch = Assert.Single(h.Server.Branches.Keys, b => b != "main");
        Assert.Matches($"^businessops/{n}-e4-[0-9a-f]{{10}}$", branch);
    }

    [Fact]
    public async Task PullRequest_BranchExistsNotOurs_ClearFailureAndNothingWritten()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var theirs = h.Server.SeedBranch("adr/0007-queue", new Dictionary<string, string> { ["notes.md"] = "mine" });
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, Adr("adr/0007-queue"), n);
        var before = h.Server.Requests.Count;

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("branch adr/0007-queue already exists in acme/ops and was not created by BusinessOps", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Since(before), r => r.IsWrite);
        Assert.Equal(theirs, h.Server.Branches["adr/0007-queue"]);
        Assert.Empty(h.Server.PullRequests);
        Assert.Equal(EffectPresence.NotPerformed, check.Presence);
    }

    [Fact]
    public async Task PullRequest_AnswerLostAfterPullRequestOpened_CheckFindsItAndNothingIsDoneTwice()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, Adr("adr/0007-queue"), n);
        h.Server.Faults.FailAfterProcessingNext(1, "POST", "/pulls");

        var first = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);
        var again = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.NotEqual(EffectStatus.Done, first.Status);
        Assert.Equal(EffectPresence.Performed, check.Presence);
        Assert.Equal(EffectStatus.Done, again.Status);
        Assert.Equal(check.Reference, again.Reference);
        Assert.Single(h.Server.PullRequests);
        Assert.Equal(2, h.Server.Branches.Count);
    }

    [Fact]
    public async Task PullRequest_FailedAfterBranchCreated_RetryReusesTheBranchAndOpensOnePullRequest()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, Adr("adr/0007-queue"), n);
        h.Server.Faults.FailNext(1, 502, "POST", "/pulls");

        var first = await h.Connector.PerformAsync(request, CancellationToken.None);
        var head = h.Server.HeadOf("adr/0007-queue")!.Sha;
        var retried = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, first.Status);
        Assert.False(first.Permanent);
        Assert.Contains("created branch adr/0007-queue", first.Error, StringComparison.Ordinal);
        Assert.Equal(EffectStatus.Done, retried.Status);
        Assert.Equal(head, h.Server.HeadOf("adr/0007-queue")!.Sha);
        Assert.Single(h.Server.PullRequests);
    }

    [Fact]
    public async Task PullRequest_DraftsNotSupported_PermanentFailureSaysWhatExists()
    {
        await using var h = await EffectHarness.StartAsync();
        h.Server.DraftPullRequestsSupported = false;
        var n = h.Server.SeedIssue("Choose a queue");
        var request = h.Request(EffectKinds.GitHubPullRequest, "#" + n, Adr("adr/0007-queue"), n);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("Draft pull requests are not supported", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("created branch adr/0007-queue", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullRequest_BaseBranchMissing_FailsBeforeAnyWrite()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Choose a queue");
        var parameters = Adr("adr/0007-queue");
        parameters["base"] = "release/9";
        var before = h.Server.Requests.Count;

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubPullRequest, "#" + n, parameters, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.Contains("base branch 'release/9' does not exist", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Since(before), r => r.IsWrite);
    }

    internal static JsonObject Adr(string branch) => new()
    {
        ["branch"] = branch,
        ["title"] = "ADR 7: use SQS for the results queue",
        ["body"] = "Proposed by the architect agent.",
        ["files"] = new JsonArray(new JsonObject { ["path"] = "docs/adr/0007-queue.md", ["content"] = "# ADR 7\nUse SQS.\n" }),
    };
}
