namespace BusinessOps.Agents.DevOps;

/// <summary>What to deploy where, and how.</summary>
internal sealed record DeploymentRequest(string Service, string Version, string Environment, string Strategy, bool StrategyDefaulted)
{
    public bool IsProduction => Environment == "production";

    public bool IsPrerelease => Version.Contains('-', StringComparison.Ordinal);
}
