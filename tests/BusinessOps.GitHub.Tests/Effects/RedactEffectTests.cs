using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>github.redact: exactly the secret spans change, in an issue's description or in one of its comments.</summary>
public sealed class RedactEffectTests
{
    private const string Secret = "ghp_R3alLooking5ecretToken0123456789abcd";

    [Fact]
    public async Task Redact_Description_ReplacesExactlyEachOccurrenceAndNothingElse()
    {
        await using var h = await EffectHarness.StartAsync();
        const string Body = "Deploy fails 🙁.\nToken: " + Secret + "\r\nagain:" + Secret + "|end <!-- keep -->";
        var n = h.Server.SeedIssue("Leaked token", Body);
        var request = h.Request(EffectKinds.GitHubRedact, "#" + n, Parameters(), n);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);
        var check = await h.Connector.CheckAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Equal($"https://github.com/acme/ops/issues/{n}", outcome.Reference);
        Assert.Equal("Deploy fails 🙁.\nToken: [redacted]\r\nagain:[redacted]|end <!-- keep -->", h.Server.GetIssue(n)!.Body);
        Assert.Equal(EffectPresence.Performed, check.Presence);
    }

    [Fact]
    public async Task Redact_Comment_OnlyThatCommentEditedWithTheGivenReplacement()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Support ticket", "Description mentions " + Secret);
        var other = h.Server.SeedComment(n, "bob", "first " + Secret);
        var leaked = h.Server.SeedComment(n, "carol", "here is my key: " + Secret + " thanks");
        var parameters = Parameters();
        parameters["comment"] = leaked;
        parameters["replacement"] = "[removed by security]";
        var request = h.Request(EffectKinds.GitHubRedact, "#" + n, parameters, n);
        Assert.Equal(EffectPresence.NotPerformed, (await h.Connector.CheckAsync(request, CancellationToken.None)).Presence);

        var outcome = await h.Connector.PerformAsync(request, CancellationToken.None);

        var issue = h.Server.GetIssue(n)!;
        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.EndsWith("#issuecomment-" + leaked, outcome.Reference, StringComparison.Ordinal);
        Assert.Equal("here is my key: [removed by security] thanks", issue.Comments.Single(c => c.Id == leaked).Body);
        Assert.Equal("first " + Secret, issue.Comments.Single(c => c.Id == other).Body);
        Assert.Equal("Description mentions " + Secret, issue.Body);
    }

    [Fact]
    public async Task Redact_CommentOfAnotherIssue_RefusedWithoutEditing()
    {
        await using var h = await EffectHarness.StartAsync();
        var n = h.Server.SeedIssue("Ticket");
        var elsewhere = h.Server.SeedIssue("Other");
        var comment = h.Server.SeedComment(elsewhere, "carol", Secret);
        var parameters = Parameters();
        parameters["comment"] = comment;

        var outcome = await h.Connector.PerformAsync(h.Request(EffectKinds.GitHubRedact, "#" + n, parameters, n), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.Contains($"is not on #{n}", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(Secret, h.Server.GetIssue(elsewhere)!.Comments[0].Body);
    }

    private static JsonObject Parameters()
    {
        var fingerprint = SecretFingerprint.Of(Secret);
        return new JsonObject { ["secrets"] = new JsonArray(new JsonObject { ["sha256"] = fingerprint.Sha256, ["length"] = fingerprint.Length }) };
    }
}
