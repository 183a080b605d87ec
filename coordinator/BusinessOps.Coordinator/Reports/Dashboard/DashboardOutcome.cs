namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>What one dashboard update did: the issue, the writes it made, the alerts raised and resolved, or why it was skipped.</summary>
public sealed record DashboardOutcome(int? Issue, int Writes, int Raised, int Resolved, string? Skipped = null)
{
    public static DashboardOutcome Skip(string why) => new(null, 0, 0, 0, why);
}
