namespace BusinessOps.Core.Policies;

/// <summary>The GitHub connector acts through the store's own client and credentials; policy only switches it.</summary>
public sealed record GitHubConnectorPolicy(bool Enabled)
{
    public static GitHubConnectorPolicy Default { get; } = new(true);
}
