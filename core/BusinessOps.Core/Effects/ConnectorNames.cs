namespace BusinessOps.Core.Effects;

/// <summary>The connectors, as named in <c>policies/connectors.yml</c> and in each effect kind's prefix.</summary>
public static class ConnectorNames
{
    public const string GitHub = "github";
    public const string Webhook = "webhook";
    public const string Email = "email";
    public const string Command = "command";

    /// <summary>All four, in the order <c>connectors.yml</c> lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [GitHub, Webhook, Email, Command];
}
