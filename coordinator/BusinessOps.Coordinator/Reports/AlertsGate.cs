using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Policies;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Reports;

/// <summary>Loads <c>alerts.yml</c> for a command: errors (file:line:column) and null when it is invalid; warnings reported.</summary>
public static class AlertsGate
{
    /// <summary>For a command whose output is the answer (report, status): errors on <paramref name="error"/>, warnings left to <c>policies validate</c>.</summary>
    public static AlertsPolicy? Load(string? policiesOption, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Load(policiesOption, error.WriteLine, warn: null);
    }

    /// <summary>For a reconcile pass: everything through its log (text or JSON lines), so a run's stderr stays one format; each warning once per run.</summary>
    public static AlertsPolicy? Load(string? policiesOption, Log log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Load(policiesOption, log.Error, log.WarnOnce);
    }

    private static AlertsPolicy? Load(string? policiesOption, Action<string> error, Action<string>? warn)
    {
        var directory = PolicyPaths.Resolve(policiesOption);
        var result = PolicyLoader.LoadAlerts(directory, allowMissingDirectory: !PolicyPaths.IsGiven(policiesOption));
        if (!result.IsValid)
        {
            foreach (var e in result.Errors)
            {
                error(e.ToString());
            }

            error($"{result.Errors.Count} error(s) in {Path.Combine(directory, PolicyFileNames.Alerts)}: fix them (coordinator policies validate); nothing was done.");
            return null;
        }

        if (warn is not null)
        {
            foreach (var w in result.Warnings)
            {
                warn(w);
            }
        }

        return result.Policy;
    }
}
