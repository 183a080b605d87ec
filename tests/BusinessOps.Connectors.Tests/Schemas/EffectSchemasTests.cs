using System.Text.Json.Nodes;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors.Tests.Schemas;

public sealed class EffectSchemasTests
{
    [Fact]
    public void Probe()
    {
        var effect = Effect.Create(EffectKinds.WebhookPayment, "payables", new JsonObject { ["vendor"] = "Acme", ["amount"] = -5, ["currency"] = "usd", ["dueDate"] = "2026-13-40", ["extra"] = 1 });
        var v = EffectSchemas.Validate(effect);
        Assert.Fail(string.Join("\n", v));
    }
}
