namespace BusinessOps.Core.Policies;

/// <summary>
/// Webhook delivery: per-attempt <see cref="Timeout"/>; on a 5xx answer or a timeout, up to <see cref="Retries"/>
/// more attempts with exponential backoff from <see cref="RetryDelay"/> (plus jitter). A 4xx answer is final.
/// </summary>
public sealed record WebhookConnectorPolicy(bool Enabled, TimeSpan Timeout, int Retries, TimeSpan RetryDelay, IReadOnlyList<WebhookEndpoint> Endpoints)
{
    public static WebhookConnectorPolicy Default { get; } = new(false, TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(2), []);

    /// <summary>The endpoint named <paramref name="name"/>, or null.</summary>
    public WebhookEndpoint? Find(string name) => Endpoints.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}
