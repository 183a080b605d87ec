using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>Where alerts go besides the dashboard issue (a chat webhook, email). Never throws for a delivery failure.</summary>
public interface IAlertSink
{
    Task DeliverAsync(AlertChanges changes, int dashboard, CancellationToken cancellationToken);
}
