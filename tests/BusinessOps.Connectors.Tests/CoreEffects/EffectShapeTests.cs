using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectShapeTests
{
    [Fact]
    public void Problem_WellFormed_Null() => Assert.Null(EffectShape.Problem(Samples.Payment()));

    [Fact]
    public void Problem_RepeatedKey_Named()
    {
        // JSON that shows one amount and could send another.
        var effect = JsonSerializer.Deserialize("""{"kind":"webhook.payment","target":"payables","parameters":{"amount":10,"amount":100000}}""", EffectJson.Default.Effect)!;

        Assert.Equal("webhook.payment: 'parameters' has the key 'amount' more than once", EffectShape.Problem(effect));
    }

    [Theory]
    [InlineData(EffectKinds.GitHubComment, "7", "must be an issue of this repository like #12")]
    [InlineData(EffectKinds.WebhookPayment, "Payables!", "must name a webhook endpoint")]
    [InlineData(EffectKinds.EmailSend, "Bob <bob@example.com>", "must be one email address")]
    [InlineData(EffectKinds.EmailSend, "a@b.com, c@d.com", "must be one email address")]
    [InlineData(EffectKinds.GitHubDeployment, " production", "must be a deployment environment name")]
    public void Problem_TargetOfTheWrongForm_SaysWhatItMustBe(string kind, string target, string expected)
    {
        var effect = Effect.Create(kind, target, []);

        Assert.Contains(expected, EffectShape.Problem(effect), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_UnknownKind_ListsTheKnownOnes()
    {
        Assert.StartsWith("unknown effect kind 'github.lables'; known kinds: github.labels,", EffectShape.Problem(Samples.Labels() with { Kind = "github.lables" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_ParametersNotAnObject_Said()
    {
        var effect = JsonSerializer.Deserialize("""{"kind":"github.comment","target":"#1","parameters":[1]}""", EffectJson.Default.Effect)!;

        Assert.Equal("github.comment: 'parameters' must be a JSON object; found a list", EffectShape.Problem(effect));
    }

    [Fact]
    public void Problem_TooDeep_Said()
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < 20; i++)
        {
            node = new JsonObject { ["x"] = node };
        }

        var effect = Effect.Create(EffectKinds.CommandRun, "deploy", new JsonObject { ["input"] = node });

        Assert.Contains("nested deeper than 16 levels", EffectShape.Problem(effect), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanProblem_TooManyEffects_Said()
    {
        var effects = Enumerable.Repeat(Samples.Labels(), EffectShape.MaxEffects + 1).ToList();

        Assert.Equal("the plan has 51 effects; at most 50 are allowed", EffectShape.PlanProblem(effects));
    }

    [Fact]
    public void ConnectorReadiness_UnknownEndpoint_ListsConfiguredOnes()
    {
        var policy = ConnectorsPolicy.Default with { Webhook = Samples.Webhooks(Samples.Endpoint("payables", new Uri("https://pay.example.com"))) };

        Assert.Equal(
            "webhook.payment cannot run: no webhook endpoint named 'payabels' in policies/connectors.yml (configured: payables); add it to policies/connectors.yml "
            + "under webhook.endpoints as 'payabels: {url: https://…, secretEnv: BUSINESSOPS_PAYABELS_WEBHOOK_SECRET}', and put the receiver's whsec_ signing secret in the environment variable BUSINESSOPS_PAYABELS_WEBHOOK_SECRET",
            ConnectorReadiness.Problem(Samples.Payment("payabels"), policy));
        Assert.Null(ConnectorReadiness.Problem(Samples.Payment(), policy));
    }

    [Fact]
    public void ConnectorTargets_ShippedEndpointsUnset_EachLineSaysFileKeyAndVariable()
    {
        var policy = ConnectorsPolicy.Default with { Webhook = Samples.Webhooks(Samples.Endpoint("payables", new Uri("https://pay.example.com"))) };

        var lines = ConnectorTargets.MissingLines(policy);

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("webhook endpoint 'deploy' (the devops agent's deploys and automatic rollbacks) is not configured", lines[0], StringComparison.Ordinal);
        Assert.Contains("policies/connectors.yml under webhook.endpoints as 'deploy: {url: https://…, secretEnv: BUSINESSOPS_DEPLOY_WEBHOOK_SECRET}'", lines[0], StringComparison.Ordinal);
        Assert.Contains("or, for a deploy script, add it to policies/connectors.yml under command.commands as 'deploy: {program: ./scripts/deploy.sh}', set command.enabled: true", lines[0], StringComparison.Ordinal);
        Assert.Contains("environment variable BUSINESSOPS_SCALING_WEBHOOK_SECRET", lines[1], StringComparison.Ordinal);
        Assert.Contains("'email-service: {url: https://…, secretEnv: BUSINESSOPS_EMAIL_SERVICE_WEBHOOK_SECRET}'", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorReadiness_DeployCommandNotConfigured_SaysWhatToAdd()
    {
        var deploy = Effect.Create(EffectKinds.CommandRun, "deploy", new JsonObject { ["input"] = new JsonObject() });

        Assert.Equal(
            "command.run cannot run: the command connector is not enabled in policies/connectors.yml (set command.enabled: true and configure it); no command 'deploy' is configured either: "
            + "add it to policies/connectors.yml under command.commands as 'deploy: {program: ./scripts/deploy.sh}' (commands run only with the local executor)",
            ConnectorReadiness.Problem(deploy, ConnectorsPolicy.Default));
    }
}
