using BusinessOps.Core.Results;

namespace BusinessOps.Core.Policies;

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

    /// <summary>
    /// The longest one effect can take under this policy (every webhook attempt timing out, with the backoff between
    /// them; the SMTP timeout; the slowest command): how long an effect run may be silent before it counts as lost.
    /// </summary>
    public TimeSpan LongestEffect
    {
        get
        {
            var webhook = Webhook.Enabled ? (Webhook.Timeout * (Webhook.Retries + 1)) + (Webhook.RetryDelay * Math.Pow(2, Math.Min(Webhook.Retries, 10))) : TimeSpan.Zero;
            var email = Email.Enabled ? Email.Timeout : TimeSpan.Zero;
            var command = Command.Enabled && Command.Commands.Count > 0 ? Command.Commands.Max(c => c.Timeout) : TimeSpan.Zero;
            return new[] { webhook, email, command }.Max();
        }
    }
}
