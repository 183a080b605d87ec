using System.Text.Json;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectCanonicalTests
{
    [Fact]
    public void Write_SortsKeysAtEveryDepthAndKeepsNumbersAsWritten()
    {
        var effect = Parse("""{"kind":"webhook.post","target":"deploy","parameters":{"event":"deploy","data":{"z":1.50,"a":[{"y":1e3,"b":"x"}]}}}""");

        Assert.Equal("""{"kind":"webhook.post","parameters":{"data":{"a":[{"b":"x","y":1e3}],"z":1.50},"event":"deploy"},"target":"deploy"}""", EffectCanonical.Write(effect));
    }

    [Fact]
    public void Write_EscapesOnlyQuoteBackslashAndControls()
    {
        var effect = Parse("""{"kind":"github.comment","target":"#1","parameters":{"body":"Zoë \"quoted\" \\ <b>\n\u0001 \u00e9"}}""");

        Assert.Equal("{\"kind\":\"github.comment\",\"parameters\":{\"body\":\"Zoë \\\"quoted\\\" \\\\ <b>\\n\\u0001 é\"},\"target\":\"#1\"}", EffectCanonical.Write(effect));
    }

    [Fact]
    public void Equals_SameContentDifferentKeyOrderAndEscapes_EqualWithSameHash()
    {
        var a = Parse("""{"kind":"github.comment","target":"#1","parameters":{"a":"\u0041","b":2}}""");
        var b = Parse("""{"target":"#1","parameters":{"b":2,"a":"A"},"kind":"github.comment"}""");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void ForPlanHash_NoEffects_HashesExactlyAsThePlanAlone()
    {
        Assert.Equal(PlanHash.Compute("Pay invoice INV-7"), PlanHash.Compute(EffectCanonical.ForPlanHash("Pay invoice INV-7", [])));
    }

    [Fact]
    public void ForPlanHash_ChangedAmount_ChangesTheHash()
    {
        var approved = PlanHash.Compute(EffectCanonical.ForPlanHash("Pay invoice INV-7", [Samples.Payment()]));
        var changed = PlanHash.Compute(EffectCanonical.ForPlanHash("Pay invoice INV-7", [(Samples.Invoice with { Amount = 60000.00m }).ToEffect()]));
        var sameAgain = PlanHash.Compute(EffectCanonical.ForPlanHash("Pay invoice INV-7", [Samples.Payment()]));

        Assert.NotEqual(approved, changed);
        Assert.Equal(approved, sameAgain);
    }

    [Fact]
    public void ForPlanHash_SameNumberWrittenDifferently_DifferentHash()
    {
        // "Numbers as written": 6000 and 6000.00 are different texts, so a plan that changes one for the other is a new plan.
        var a = Parse("""{"kind":"webhook.post","target":"x","parameters":{"event":"e","data":{"amount":6000}}}""");
        var b = Parse("""{"kind":"webhook.post","target":"x","parameters":{"event":"e","data":{"amount":6000.00}}}""");

        Assert.NotEqual(EffectCanonical.Write(a), EffectCanonical.Write(b));
    }

    [Fact]
    public void Serialize_RoundTripsThroughTheSourceGeneratedContext()
    {
        var effect = Samples.Payment();

        var json = JsonSerializer.Serialize(effect, EffectJson.Default.Effect);
        var back = JsonSerializer.Deserialize(json, EffectJson.Default.Effect);

        Assert.Equal(effect, back);
        Assert.Contains("\"kind\":\"webhook.payment\"", json, StringComparison.Ordinal);
    }

    private static Effect Parse(string json) => JsonSerializer.Deserialize(json, EffectJson.Default.Effect)!;
}
