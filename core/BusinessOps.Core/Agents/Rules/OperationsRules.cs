namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/operations.yml</c>: availability objective, TLS expiry warnings and rightsizing thresholds.</summary>
public sealed record OperationsRules
{
    public static OperationsRules Default { get; } = new();

    /// <summary>Availability objective (share of successful checks) the error budget derives from.</summary>
    public double AvailabilityObjective { get; init; } = 0.999;

    /// <summary>A certificate expiring within this many days is a warning…</summary>
    public int TlsWarnDays { get; init; } = 21;

    /// <summary>…and within this many days critical.</summary>
    public int TlsCriticalDays { get; init; } = 7;

    /// <summary>p95 CPU and memory both below these shares: downsize.</summary>
    public double DownsizeBelow { get; init; } = 0.35;

    /// <summary>p95 CPU or memory above this share: upsize.</summary>
    public double UpsizeAbove { get; init; } = 0.85;

    /// <summary>The size a downsize goes to, as a share of the current one.</summary>
    public double DownsizeFactor { get; init; } = 0.5;
}
