using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>github.deployment, github.deployment-status and github.commit-status on the fake GitHub.</summary>
public sealed class DeploymentEffectTests
{
    [Fact]
    public async Task Deployment_CreatedWithKeyInPayloadAndFirstStatus_ThenStatusFromLaterEffect()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Release 1.4");
        var deploy = h.Request(EffectKinds.GitHubDeployment, "production", new JsonObject { ["ref"] = "main", ["description"] = "Release 1.4" }, n, index: 1);

        var created = await h.Connector.PerformAsync(deploy, CancellationToken.None);
        var done = new EffectRecord(1, deploy.KeyText, EffectStatus.Done, 1, DateTimeOffset.UnixEpoch, created.Reference);
        var status = h.Request(EffectKinds.GitHubDeploymentStatus, "production", new JsonObject { ["deployment"] = "e1", ["state"] = "success", ["logUrl"] = "https://ci.example.com/runs/7" }, n, index: 2, earlier: [done]);
        var before = await h.Connector.CheckAsync(status, CancellationToken.None);
        var set = await h.Connector.PerformAsync(status, CancellationToken.None);
        var after = await h.Connector.CheckAsync(status, CancellationToken.None);

        var deployment = Assert.Single(h.Server.Deployments);
        Assert.Equal(EffectStatus.Done, created.Status);
        Assert.EndsWith("/repos/acme/ops/deployments/" + deployment.Id, created.Reference, StringComparison.Ordinal);
        Assert.Equal(("main", "production"), (deployment.Ref, deployment.Environment));
        using (var payload = JsonDocument.Parse(deployment.PayloadJson))
        {
            Assert.Equal(deploy.KeyText, payload.RootElement.GetProperty("businessops_effect").GetString());
        }

        Assert.Equal(["in_progress", "success"], deployment.Statuses.Select(s => s.State));
        Assert.Equal("https://ci.example.com/runs/7", deployment.Statuses[1].TargetUrl);
        Assert.Equal(EffectPresence.NotPerformed, before.Presence);
        Assert.Equal(EffectStatus.Done, set.Status);
        Assert.Equal(EffectPresence.Performed, after.Presence);
        Assert.Equal(EffectPresence.Performed, (await h.Connector.CheckAsync(deploy, CancellationToken.None)).Presence);
    }

    [Fact]
    public async Task Deployment_AnswerLost_UnknownThenCheckFindsItByPayloadAndAddsOnlyTheStatus()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Release 1.4");
        var deploy = h.Request(EffectKinds.GitHubDeployment, "staging", new JsonObject { ["ref"] = "main", ["state"] = "queued" }, n);
        h.Server.Faults.FailAfterProcessingNext(1, "POST", "/deployments");

        var first = await h.Connector.PerformAsync(deploy, CancellationToken.None);
        var check = await h.Connector.CheckAsync(deploy, CancellationToken.None);
        var second = await h.Connector.PerformAsync(deploy, CancellationToken.None);

        Assert.Equal(EffectStatus.Unknown, first.Status);
        Assert.Contains("may have happened", first.Error, StringComparison.Ordinal);
        Assert.Equal(EffectPresence.NotPerformed, check.Presence);
        Assert.Equal(EffectStatus.Done, second.Status);
        var deployment = Assert.Single(h.Server.Deployments);
        Assert.Equal(["queued"], deployment.Statuses.Select(s => s.State));
        Assert.Equal(EffectPresence.Performed, (await h.Connector.CheckAsync(deploy, CancellationToken.None)).Presence);
    }

    [Fact]
    public async Task Deployment_RequiredChecksFailing_FailedNotPermanentAndNothingCreated()
    {
        await using var h = await EffectHarness.StartAsync();
        h.Server.DeploymentChecksFailing = true;
        var n = h.Server.SeedIssue("Release 1.4");

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubDeployment, "production", new JsonObject { ["ref"] = "main" }, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Contains("409", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(h.Server.Deployments);
    }

    [Fact]
    public async Task DeploymentStatus_EarlierEffectNotDone_FailsWithoutRequests()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Release 1.4");
        var failed = new EffectRecord(1, "x", EffectStatus.Failed, 1, DateTimeOffset.UnixEpoch, Error: "409");
        var status = h.Request(EffectKinds.GitHubDeploymentStatus, "production", new JsonObject { ["deployment"] = "e1", ["state"] = "failure" }, n, index: 2, earlier: [failed]);
        var before = h.Server.Requests.Count;

        var outcome = await h.Connector.PerformAsync(status, CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("effect e1, which should have created the deployment, is failed", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(h.Since(before));
    }

    [Fact]
    public async Task CommitStatus_OnPullRequestHead_SetAndChecked()
    {
        await using var h = await EffectHarness.StartAsync();
        var head = h.Server.SeedBranch("feature/x", new Dictionary<string, string> { ["x.cs"] = "class X {}" });
        var pull = h.Server.SeedPullRequest("feature/x", "Add X");
        var request = h.Request(EffectKinds.GitHubCommitStatus, "#" + pull, new JsonObject { ["state"] = "success", ["context"] = "businessops/qa", ["description"] = "12 checks passed" }, pull);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        var status = Assert.Single(h.Server.CommitStatuses(head));
        Assert.Equal(("success", "businessops/qa"), (status.State, status.Context));
        Assert.Equal($"https://github.com/acme/ops/pull/{pull}", outcome.Reference);
        Assert.Equal(EffectPresence.Performed, check.Presence);
    }

    [Fact]
    public async Task CommitStatus_TargetIsAnIssue_SaysItIsNotAPullRequest()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Plain issue");

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubCommitStatus, "#" + n, new JsonObject { ["state"] = "failure", ["context"] = "qa" }, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.Contains($"#{n} is not a pull request", outcome.Error, StringComparison.Ordinal);
    }
}
