using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>Value builders for effects, keys and connector policies.</summary>
internal static class Samples
{
    public static IdempotencyKey Attempt(int attempt = 1) => new("acme/ops", 7, attempt, IdempotencyKey.ExecutePhase);

    public static EffectKey Key(int index = 1, int attempt = 1) => new(Attempt(attempt), index);

    public static PaymentInstruction Invoice { get; } = new("Acme Supplies", 6000.00m, "USD", new DateOnly(2026, 12, 31), "INV-7");

    public static Effect Payment(string endpoint = "payables") => Invoice.ToEffect(endpoint);

    public static Effect Labels(int issue = 7) =>
        Effect.Create(EffectKinds.GitHubLabels, $"#{issue}", new JsonObject { ["add"] = new JsonArray("sales/lead"), ["priority"] = "P1" });

    public static Effect Chat(string endpoint, string text) => Effect.Create(EffectKinds.WebhookChat, endpoint, new JsonObject { ["text"] = text });

    public static Effect Email(string to = "ap@example.com") =>
        Effect.Create(EffectKinds.EmailSend, to, new JsonObject { ["subject"] = "Your proposal", ["body"] = "Hello,\nplease find the proposal below." });

    public static Effect Command(string name = "deploy") =>
        Effect.Create(EffectKinds.CommandRun, name, new JsonObject { ["input"] = new JsonObject { ["version"] = "1.2.3" } });

    public static EffectRequest Request(Effect effect, int index = 1, int attempt = 1) => new(effect, Key(index, attempt), []);

    public static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    public static WebhookConnectorPolicy Webhooks(params WebhookEndpoint[] endpoints) =>
        new(true, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMilliseconds(20), endpoints);

    public static WebhookEndpoint Endpoint(string name, Uri url, Uri? checkUrl = null) =>
        new(name, url, null, "PAYABLES_SECRET", WebhookFormat.Standard, checkUrl);
}
