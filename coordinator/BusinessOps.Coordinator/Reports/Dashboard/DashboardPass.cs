using BusinessOps.Connectors;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Ports;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Reports.Dashboard;

/// <summary>
/// The dashboard's place at the end of a full reconcile pass (<c>run --once</c>, each <c>--monitor</c> pass): one
/// <see cref="DashboardUpdater"/> per session, fed what the pass saw. A failure here is logged and never fails the pass.
/// </summary>
public sealed class DashboardPass : IDisposable
{
    private readonly DashboardUpdater _updater;
    private readonly ConnectorSet? _connectors;
    private readonly CoordinatorSession _session;

    private DashboardPass(DashboardUpdater updater, ConnectorSet? connectors, CoordinatorSession session)
    {
        _updater = updater;
        _connectors = connectors;
        _session = session;
    }

    /// <summary>The dashboard of <paramref name="session"/>, or null when alerts.yml disables it or cannot be read (said once).</summary>
    public static DashboardPass? Open(CoordinatorSession session, string? policiesOption)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (AlertsGate.Load(policiesOption, session.Log) is not { } alerts || !alerts.Dashboard.Enabled)
        {
            return null;
        }

        var directory = PolicyPaths.Resolve(policiesOption);
        ConnectorSet? connectors = null;
        if (alerts.Delivery.Webhook is not null || alerts.Delivery.Email.Count > 0)
        {
            var loaded = PolicyLoader.LoadConnectors(directory, allowMissingDirectory: !PolicyPaths.IsGiven(policiesOption));
            if (loaded.IsValid)
            {
                var env = session.Environment;
                connectors = ConnectorSet.Create(loaded.Policy, new ConnectorOptions(name => env.GetValueOrDefault(name), session.Clock, LocalExecutor: !session.IsCloud));
            }
            else
            {
                session.Log.Warn($"alerts are not delivered by webhook or email: connectors.yml has {loaded.Errors.Count} error(s) (coordinator policies validate)");
            }
        }

        var sink = ConnectorAlertSink.Create(connectors, alerts.Delivery, session.Policies.Repository, session.Log);
        var updater = new DashboardUpdater(session.Store, session.Backend, session.Policies, alerts, new TemplateRenderer(directory), session.Clock, session.Log, sink)
        {
            IssueUrl = ReportJob.IssueUrl(session),
        };
        return new DashboardPass(updater, connectors, session);
    }

    /// <summary>Updates the dashboard after <paramref name="pass"/> (skipped after a deferred or dry pass).</summary>
    public async Task AfterAsync(PassResult pass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        if (pass.Deferred)
        {
            return;
        }

        var signals = new AlertSignals(new Dictionary<string, ExecutorRuns> { [_session.Executor.Name] = new(pass.Dispatched, pass.Failed) }, []);
        try
        {
            var outcome = await _updater.UpdateAsync(signals, cancellationToken);
            if (outcome.Writes > 0)
            {
                _session.Log.Info($"dashboard #{outcome.Issue}: {outcome.Writes} write(s), {outcome.Raised} alert(s) raised, {outcome.Resolved} resolved");
            }
        }
        catch (IssueStoreException ex)
        {
            _session.Log.Warn($"dashboard not updated this pass (the next one retries): {ex.Message}");
        }
    }

    public void Dispose() => _connectors?.Dispose();
}
