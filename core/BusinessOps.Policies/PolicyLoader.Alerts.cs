using BusinessOps.Core.Policies;
using BusinessOps.Policies.Binding;

namespace BusinessOps.Policies;

/// <summary><c>alerts.yml</c> is loaded on its own: the reports, the dashboard and the alerts need it; <c>Decide</c> does not.</summary>
public static partial class PolicyLoader
{
    /// <summary>
    /// Loads <c>alerts.yml</c> from <paramref name="directory"/>; a missing file (or, with <paramref name="allowMissingDirectory"/>,
    /// a missing directory) means the defaults: default targets, dashboard on, nobody on call (warned).
    /// </summary>
    public static AlertsLoadResult LoadAlerts(string directory, bool allowMissingDirectory = false)
    {
        if (!Directory.Exists(directory))
        {
            return allowMissingDirectory
                ? Checked(new AlertsLoadResult(AlertsPolicy.Default, [], [$"policy directory '{directory}' not found: default KPI targets, nobody on call"], []))
                : new AlertsLoadResult(null, [new PolicyError(directory, 0, 0, "policy directory not found; pass --policies DIR with the folder holding alerts.yml")], [], []);
        }

        return LoadAlerts(PolicySource.FromDisk(directory, PolicyFileNames.Alerts));
    }

    /// <summary>Loads <c>alerts.yml</c> from its text (tests, embedding).</summary>
    public static AlertsLoadResult LoadAlertsFromText(string text) => LoadAlerts(PolicySource.FromText(PolicyFileNames.Alerts, text));

    private static AlertsLoadResult LoadAlerts(PolicySource source)
    {
        var errors = new List<PolicyError>();
        var notes = new List<string>();
        var policy = Bind(source, AlertsBinder.Bind, AlertsPolicy.Default, errors, notes, out _);
        return Checked(new AlertsLoadResult(errors.Count == 0 ? policy : null, errors, notes, []));
    }

    private static AlertsLoadResult Checked(AlertsLoadResult result) =>
        result.Policy is { OnCallUnset: true } policy
            ? result with
            {
                Warnings = [policy.OnCall.Count == 0
                    ? $"{PolicyFileNames.Alerts}: nobody is on call, so alerts mention no one; set 'onCall' to the logins or org/team who take them"
                    : $"{PolicyFileNames.Alerts}: 'onCall' still names the placeholder '{AlertsPolicy.Placeholder}'; replace it with the logins or org/team who take alerts"],
            }
            : result;
}
