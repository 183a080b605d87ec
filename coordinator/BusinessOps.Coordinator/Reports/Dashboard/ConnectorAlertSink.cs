using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>
/// Delivers alerts through the effect connectors: a <c>webhook.chat</c> to the endpoint <c>alerts.yml</c> names (an
/// endpoint with <c>format: slack</c> gets Slack-compatible JSON) and an <c>email.send</c> to each address. Keys are
/// stable per alert and event (<c>{repo}#{dashboard}/a{n}/execute/e{1|2…}</c>), so a receiver that drops repeated ids drops
/// a repeat. A failed delivery is logged; the dashboard and the comment already carry the alert.
/// </summary>
public sealed class ConnectorAlertSink(IEffectConnector connector, AlertDelivery delivery, string repository, Log log) : IAlertSink
{
    public async Task DeliverAsync(AlertChanges changes, int dashboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (alerts, raised) in new[] { (changes.Raised, true), (changes.Resolved, false) })
        {
            foreach (var alert in alerts)
            {
                var text = (raised ? "🚨 Alert: " : "✅ Resolved: ") + MarkdownSafe.Inline(alert.Title, 300);
                var attempt = new IdempotencyKey(repository, dashboard, Attempt(alert), IdempotencyKey.ExecutePhase);
                var index = raised ? 1 : 2;
                if (delivery.Webhook is { } endpoint)
                {
                    await SendAsync(Effect.Create(EffectKinds.WebhookChat, endpoint, new JsonObject { ["text"] = text }), new EffectKey(attempt, index), cancellationToken);
                }

                for (var i = 0; i < delivery.Email.Count; i++)
                {
                    var mail = new JsonObject { ["subject"] = Subject(text), ["body"] = text + "\n\nSee the Operations dashboard (issue #" + dashboard.ToString(CultureInfo.InvariantCulture) + ")." };
                    await SendAsync(Effect.Create(EffectKinds.EmailSend, delivery.Email[i], mail), new EffectKey(attempt, 10 + (2 * i) + index), cancellationToken);
                }
            }
        }
    }

    /// <summary>One attempt number per alert occurrence (its key and when it was raised), positive and stable.</summary>
    private static int Attempt(AlertRecord alert) =>
        (int)(StableHash.Hash64(alert.Key + "@" + alert.Since.UtcTicks.ToString(CultureInfo.InvariantCulture)) % 1_000_000_000UL) + 1;

    private static string Subject(string text) => text.Length <= 150 ? text : text[..149] + "…";

    private async Task SendAsync(Effect effect, EffectKey key, CancellationToken ct)
    {
        EffectOutcome outcome;
        try
        {
            outcome = await connector.PerformAsync(new EffectRequest(effect, key, []), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = EffectOutcome.Unknown(ex.Message);
        }

        if (outcome.Status != EffectStatus.Done)
        {
            log.Warn($"alert delivery {effect.Kind} to {effect.Target}: {outcome.Status} ({outcome.Error})");
        }
    }

    /// <summary>The sink <paramref name="delivery"/> asks for, over the connectors of <c>connectors.yml</c>; null when none is asked for.</summary>
    public static ConnectorAlertSink? Create(ConnectorSet? connectors, AlertDelivery delivery, string repository, Log log)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return connectors is null || (delivery.Webhook is null && delivery.Email.Count == 0) ? null : new ConnectorAlertSink(connectors.Router, delivery, repository, log);
    }
}
