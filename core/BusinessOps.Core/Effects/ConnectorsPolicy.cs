namespace BusinessOps.Core.Effects;

/// <summary>
/// <c>policies/connectors.yml</c>: which connectors may act, where they send, and the NAMES of the environment
/// variables holding their secrets (never a secret itself). Also per-kind impact overrides. The default enables only
/// GitHub: webhooks, email and commands act only once someone configures them.
/// </summary>
public sealed record ConnectorsPolicy(
    GitHubConnectorPolicy GitHub,
    WebhookConnectorPolicy Webhook,
    EmailConnectorPolicy Email,
    CommandConnectorPolicy Command,
    IReadOnlyDictionary<string, EffectImpact> Impacts)
{
    public static ConnectorsPolicy Default { get; } = new(
        GitHubConnectorPolicy.Default,
        WebhookConnectorPolicy.Default,
        EmailConnectorPolicy.Default,
        CommandConnectorPolicy.Default,
        new Dictionary<string, EffectImpact>(StringComparer.Ordinal));
}
