namespace BusinessOps.Connectors.Webhooks;

/// <summary>The header names of a delivery (Standard Webhooks, plus the common idempotency header).</summary>
public static class WebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
    public const string IdempotencyKey = "Idempotency-Key";
}
