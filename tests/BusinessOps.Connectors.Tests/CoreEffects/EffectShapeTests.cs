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
            "webhook.payment cannot run: no webhook endpoint named 'payabels' in policies/connectors.yml (configured: payables)",
            ConnectorReadiness.Problem(Samples.Payment("payabels"), policy));
        Assert.Null(ConnectorReadiness.Problem(Samples.Payment(), policy));
    }
}
