namespace BusinessOps.Core.Policies;

/// <summary>
/// Where alerts go besides the dashboard issue: a webhook endpoint of <c>connectors.yml</c> (its <c>format: slack</c>
/// gets Slack-compatible JSON) and email addresses (through the email connector). Both optional.
/// </summary>
public sealed record AlertDelivery(string? Webhook, IReadOnlyList<string> Email)
{
    public static AlertDelivery None { get; } = new(null, []);
}
