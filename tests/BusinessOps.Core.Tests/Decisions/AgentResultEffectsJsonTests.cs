using System.Text.Json;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary>The agent contract's <c>effects</c>: optional (agents written before it print none), and carried into the result marker.</summary>
public sealed class AgentResultEffectsJsonTests
{
    [Fact]
    public void Deserialize_NoEffectsActionsOrOutputs_NoneAndTheCommentRenders()
    {
        const string json = """{"agent":"ai-qa-agent","issue":1,"key":"local/ops#1/a1/plan","outcome":"completed","summary":"ok","confidence":0.9,"costUsd":0}""";

        var result = JsonSerializer.Deserialize(json, CoreJson.Default.AgentResult)!;

        Assert.Empty(result.Effects);
        Assert.Empty(result.Actions);
        Assert.Empty(result.Outputs);
        Assert.Contains("businessops:result", ResultComment.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PlanWithEffects_ListsThemInPlainWordsAndTheMarkerCarriesThem()
    {
        const string json = """
            {"agent":"ai-finance-agent","issue":3,"key":"local/ops#3/a1/plan","outcome":"needs-approval","summary":"Pay","plan":"1. Pay.",
             "effects":[{"kind":"webhook.payment","target":"payables","parameters":{"vendor":"Initech","amount":6000.00,"currency":"USD","dueDate":"2026-12-24","invoiceNumber":"C-2207"}}],
             "confidence":0.9,"costUsd":0}
            """;
        var result = JsonSerializer.Deserialize(json, CoreJson.Default.AgentResult)!;

        var body = ResultComment.Render(result);

        Assert.Contains("1. Send $6,000.00 to the payables webhook to pay Initech for invoice C-2207", body, StringComparison.Ordinal);
        Assert.True(Markers.TryParseResult(body, out var record));
        var effect = Assert.Single(record!.Effects!);
        Assert.Equal(EffectKinds.WebhookPayment, effect.Kind);
        Assert.Equal(ResultRecord.HashOf("1. Pay.", result.Effects), record.PlanHash);
        Assert.NotEqual(ResultRecord.HashOf("1. Pay.", []), record.PlanHash);
    }
}
