using System.Text.Json;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Webhooks;

/// <summary>
/// The JSON body of a delivery. Standard endpoints get the specification's envelope <c>{type, timestamp, data}</c>
/// (numbers exactly as the plan wrote them); chat endpoints a Slack-compatible <c>{"text": …}</c> with <c>&amp;</c>,
/// <c>&lt;</c>, <c>&gt;</c> escaped so agent-written text cannot ping a channel or smuggle a link.
/// </summary>
internal static class WebhookBody
{
    public const string PaymentEventType = "payment.instruction";
    public const string ChatEventType = "chat.message";

    public static byte[] Build(Effect effect, WebhookFormat format, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (format == WebhookFormat.Slack)
            {
                json.WriteStartObject();
                json.WriteString("text", SlackEscape(Text(effect.Parameters, "text")));
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("type", effect.Kind switch
                {
                    EffectKinds.WebhookPayment => PaymentEventType,
                    EffectKinds.WebhookChat => ChatEventType,
                    _ => Text(effect.Parameters, "event"),
                });
                json.WriteString("timestamp", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                json.WritePropertyName("data");
                if (effect.Kind == EffectKinds.WebhookPost && effect.Parameters.TryGetProperty("data", out var data))
                {
                    data.WriteTo(json);
                }
                else
                {
                    effect.Parameters.WriteTo(json);
                }

                json.WriteEndObject();
            }
        }

        return buffer.ToArray();
    }

    private static string Text(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    // Slack's own escaping rule for message text: only these three characters are control characters.
    private static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
