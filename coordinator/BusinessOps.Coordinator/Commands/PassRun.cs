using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports.Dashboard;
using BusinessOps.Coordinator.Reports.Terminal;
using BusinessOps.Coordinator.Results;

namespace BusinessOps.Coordinator.Commands;

/// <summary>One full pass of <c>run</c>: the results queue and the reconcile, then the dashboard, under the progress bar.</summary>
internal sealed record PassRun(Reconciler Reconciler, ResultsPass Results, DashboardPass? Dashboard, PassProgressBar Progress)
{
    public Task<PassResult> RunAsync(CancellationToken ct) => Progress.RunAsync(async () =>
    {
        var pass = await Results.RunOnceAsync(Reconciler, ct);
        if (Dashboard is not null)
        {
            await Dashboard.AfterAsync(pass, ct);
        }

        return pass;
    });
}
