namespace BusinessOps.Core.Kpis;

/// <summary>What the dashboard issue remembers between passes (in its marker): the alerts raised and not yet resolved.</summary>
public sealed record DashboardState(IReadOnlyList<AlertRecord> Alerts)
{
    public static DashboardState Empty { get; } = new([]);
}
