namespace BusinessOps.Agents.Operations;

/// <summary>Per-endpoint timeout, latency budget and how many checks run at once.</summary>
internal sealed record HealthCheckOptions(TimeSpan Timeout, TimeSpan LatencyBudget, int MaxConcurrency = 8)
{
    public const int MaxEndpoints = 20;
}
