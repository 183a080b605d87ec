using BusinessOps.Core.Policies;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Reports;

/// <summary>Loads <c>alerts.yml</c> for a command: errors printed (file:line:column) and null; warnings printed once.</summary>
public static class AlertsGate
{
    public static AlertsPolicy? Load(string? policiesOption, TextWriter error, bool warn = true)
    {
        ArgumentNullException.ThrowIfNull(error);
        var directory = PolicyPaths.Resolve(policiesOption);
        var result = PolicyLoader.LoadAlerts(directory, allowMissingDirectory: !PolicyPaths.IsGiven(policiesOption));
        if (!result.IsValid)
        {
            foreach (var e in result.Errors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"{result.Errors.Count} error(s) in {Path.Combine(directory, PolicyFileNames.Alerts)}: fix them (coordinator policies validate); nothing was done.");
            return null;
        }

        if (warn)
        {
            foreach (var w in result.Warnings)
            {
                error.WriteLine("warning: " + w);
            }
        }

        return result.Policy;
    }
}
