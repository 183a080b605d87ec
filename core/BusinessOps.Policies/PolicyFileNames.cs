namespace BusinessOps.Policies;

/// <summary>The policy files <see cref="PolicyLoader"/> reads, in load (and error-report) order.</summary>
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

    /// <summary>All six, in load order.</summary>
    public static IReadOnlyList<string> All { get; } = [Routing, Sla, Dispatch, Autonomy, Approvals, QualityGates];
}
