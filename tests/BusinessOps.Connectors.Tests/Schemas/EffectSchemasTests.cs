using System.Text.Json.Nodes;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.Schemas;

public sealed class EffectSchemasTests
{
    [Fact]
    public void Validate_PaymentInstruction_Valid() => Assert.Empty(EffectSchemas.Validate(Samples.Payment()));

    [Fact]
    public void Validate_BrokenPayment_EachViolationNamesKindAndField()
    {
        var effect = Effect.Create(EffectKinds.WebhookPayment, "payables", new JsonObject
        {
            ["vendor"] = "Acme",
            ["amount"] = -5,
            ["currency"] = "usd",
            ["dueDate"] = "2026-13-40",
            ["iban"] = "DE00",
        });

        var violations = EffectSchemas.Validate(effect).Select(v => v.ToString()).ToList();

        Assert.Contains("webhook.payment: 'parameters.invoiceNumber' is required", violations);
        Assert.Contains(violations, v => v.StartsWith("webhook.payment: 'parameters.amount'", StringComparison.Ordinal) && v.Contains("greater than 0", StringComparison.Ordinal));
        Assert.Contains("webhook.payment: 'parameters.currency' has the wrong form: 'usd'", violations);
        Assert.Contains("webhook.payment: 'parameters.dueDate' is not a valid date (YYYY-MM-DD)", violations);
        Assert.Contains("webhook.payment: 'parameters.iban' is not a parameter of this kind", violations);
    }

    [Fact]
    public void Validate_BadTarget_NamesTheTarget()
    {
        var violation = Assert.Single(EffectSchemas.Validate(Samples.Labels() with { Target = "seven" }));

        Assert.Equal("target", violation.Field);
        Assert.Equal(EffectKinds.GitHubLabels, violation.Kind);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("/abs/path")]
    [InlineData(".git/config")]
    [InlineData("docs/../../x")]
    public void Validate_PullRequestFilePathEscapingTheRepository_Refused(string path)
    {
        var effect = Effect.Create(EffectKinds.GitHubPullRequest, "#3", new JsonObject
        {
            ["branch"] = "adr/7",
            ["title"] = "ADR",
            ["files"] = new JsonArray(new JsonObject { ["path"] = path, ["content"] = "x" }),
        });

        Assert.Contains(EffectSchemas.Validate(effect), v => v.Field == "parameters.files.0.path");
    }

    [Theory]
    [InlineData("feature..x")]
    [InlineData(".hidden")]
    [InlineData("adr/.x")]
    [InlineData("adr/x.")]
    [InlineData("adr.lock/x")]
    [InlineData("HEAD")]
    public void Validate_BranchNameGitRefuses_Refused(string branch)
    {
        var effect = Effect.Create(EffectKinds.GitHubPullRequest, "#3", new JsonObject
        {
            ["branch"] = branch,
            ["title"] = "t",
            ["files"] = new JsonArray(new JsonObject { ["path"] = "a.md", ["content"] = "x" }),
        });

        Assert.Contains(EffectSchemas.Validate(effect), v => v.Field == "parameters.branch");
    }

    [Fact]
    public void Validate_PullRequestWithoutBranch_Valid()
    {
        var effect = Effect.Create(EffectKinds.GitHubPullRequest, "#3", new JsonObject
        {
            ["title"] = "Scaffold",
            ["files"] = new JsonArray(new JsonObject { ["path"] = "src/a.cs", ["content"] = "x" }),
        });

        Assert.Empty(EffectSchemas.Validate(effect));
    }

    [Theory]
    [InlineData("\"}")]
    [InlineData("<b>x</b>")]
    [InlineData("@team")]
    public void Validate_RedactionReplacementThatCouldBreakTextAround_Refused(string replacement)
    {
        var effect = Effect.Create(EffectKinds.GitHubRedact, "#3", new JsonObject
        {
            ["secrets"] = new JsonArray(new JsonObject { ["sha256"] = new string('a', 64), ["length"] = 20 }),
            ["replacement"] = replacement,
        });

        Assert.Contains(EffectSchemas.Validate(effect), v => v.Field == "parameters.replacement");
    }

    [Fact]
    public void Validate_SampleOfEveryKind_Valid()
    {
        Effect[] samples =
        [
            Samples.Labels(),
            Effect.Create(EffectKinds.GitHubComment, "#1", new JsonObject { ["body"] = "Thanks!" }),
            Effect.Create(EffectKinds.GitHubIssue, "#1", new JsonObject { ["title"] = "Task 1", ["estimate"] = "3d" }),
            Effect.Create(EffectKinds.GitHubDeployment, "production", new JsonObject { ["ref"] = "v1.2.3" }),
            Effect.Create(EffectKinds.GitHubDeploymentStatus, "production", new JsonObject { ["deployment"] = "e1", ["state"] = "success" }),
            Effect.Create(EffectKinds.GitHubCommitStatus, "#4", new JsonObject { ["state"] = "success", ["context"] = "qa/coverage" }),
            Effect.Create(EffectKinds.GitHubClose, "#1", new JsonObject { ["reason"] = "completed" }),
            Effect.Create(EffectKinds.WebhookPost, "scaling", new JsonObject { ["event"] = "scale.up", ["data"] = new JsonObject { ["replicas"] = 4 } }),
            Samples.Chat("team-chat", "Weekly KPIs"),
            Samples.Payment(),
            Samples.Email(),
            Samples.Command(),
        ];

        Assert.All(samples, s => Assert.Empty(EffectSchemas.Validate(s)));
    }

    [Fact]
    public void Summary_ManyViolations_OneLineWithCount()
    {
        var violations = Enumerable.Range(1, 7).Select(i => new EffectViolation("email.send", $"f{i}", "is required")).ToList();

        Assert.EndsWith("; and 2 more", EffectSchemas.Summary(violations), StringComparison.Ordinal);
    }
}
