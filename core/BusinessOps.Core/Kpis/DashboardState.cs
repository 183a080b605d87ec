namespace BusinessOps.Core.Kpis;

/// <summary>
/// What the dashboard issue remembers between passes (in its marker): the alerts raised and not yet resolved, and when
/// the coordinator last wrote it (a later <c>updated_at</c> means someone else touched it: its pin is checked).
/// </summary>
public sealed record DashboardState(IReadOnlyList<AlertRecord> Alerts, DateTimeOffset? WrittenAt = null)
{
    public static DashboardState Empty { get; } = new([]);

    /// <summary>Equal alerts (records compare lists by reference).</summary>
    public bool SameAlerts(DashboardState other) => other is not null && Alerts.SequenceEqual(other.Alerts);
}
