namespace BusinessOps.Core.Policies;

/// <summary>The body a webhook endpoint expects.</summary>
public enum WebhookFormat
{
    /// <summary>A JSON event signed per the Standard Webhooks specification (needs a <c>whsec_</c> secret).</summary>
    Standard,

    /// <summary>A Slack-compatible <c>{"text": …}</c> body for chat incoming-webhook URLs (the URL is the secret).</summary>
    Slack,
}
