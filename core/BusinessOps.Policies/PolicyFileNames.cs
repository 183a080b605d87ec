using BusinessOps.Policies.Automation;

namespace BusinessOps.Policies;

/// <summary>
/// The one list of what may stand in a policy folder: the files <see cref="PolicyLoader"/> reads (<see cref="All"/>),
/// and the names other parts of BusinessOps read or will read (<see cref="Known"/>). Anything else gets a warning naming
/// the closest known name, so a misspelt <c>routin.yml</c> is not silently ignored. Add a new policy file here.
/// </summary>
public static class PolicyFileNames
{
    public const string Routing = "routing.yml";
    public const string Sla = "sla.yml";
    public const string Dispatch = "dispatch.yml";
    public const string Autonomy = "autonomy.yml";
    public const string Approvals = "approvals.yml";
    public const string QualityGates = "quality-gates.yml";

    /// <summary>Loaded on its own by <see cref="PolicyLoader.LoadConnectors(string, bool)"/>, not part of <see cref="All"/>.</summary>
    public const string Connectors = "connectors.yml";

    /// <summary>Loaded on its own by <see cref="PolicyLoader.LoadAlerts(string, bool)"/>: on-call, KPI targets, alert rules, the dashboard.</summary>
    public const string Alerts = "alerts.yml";

    /// <summary>All six, in load order.</summary>
    public static IReadOnlyList<string> All { get; } = [Routing, Sla, Dispatch, Autonomy, Approvals, QualityGates];

    /// <summary>Every file name a policy folder may hold: the six above, the automation files (<see cref="AutomationFileNames"/>), connectors, alerts and pricing.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        .. All, AutomationFileNames.Schedules, AutomationFileNames.Tenants, AutomationFileNames.Triggers, Connectors, Alerts,
        .. Agents.AgentFileNames.All,
    ];

    /// <summary>Sub-folders a policy folder may hold: workflow definitions, comment templates, knowledge for the agents.</summary>
    public static IReadOnlyList<string> KnownFolders { get; } = [AutomationFileNames.WorkflowsFolder, "templates", "knowledge"];
}
