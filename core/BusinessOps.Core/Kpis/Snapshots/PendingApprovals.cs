namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>Plans waiting for a human now (approvals and L3 decisions) and how long they have waited.</summary>
public sealed record PendingApprovals(int Approvals, int Decisions, DurationStats Age, double? OldestSeconds)
{
    public static PendingApprovals None { get; } = new(0, 0, DurationStats.Empty, null);
}
