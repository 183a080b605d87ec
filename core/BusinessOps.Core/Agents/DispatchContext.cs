namespace BusinessOps.Core.Agents;

/// <summary>
/// What the coordinator hands an agent besides its issue (the <c>--context</c> input of the agent contract): the
/// client's profile, the policies the agent applies, and the data its work needs, already scoped to the client and
/// computed from the coordinator's own issues. Agents hold no store: this is all they see of the repository.
/// </summary>
public sealed record DispatchContext
{
    /// <summary>No client, built-in policies, no data: what a standalone run without <c>--context</c> gets.</summary>
    public static DispatchContext Empty { get; } = new();

    /// <summary>The profile of the issue's <c>client/&lt;id&gt;</c>, or null for internal work.</summary>
    public ClientProfile? Client { get; init; }

    /// <summary>The policies this agent applies (absent ones: the built-in defaults).</summary>
    public AgentPolicies Policies { get; init; } = new();

    /// <summary>Other issues, as digests, for the agents whose work is about the repository (analytics, oversight, triage).</summary>
    public IssueDigestSet? Issues { get; init; }

    /// <summary>
    /// The KPIs of the issue's scope (its client's, or every issue) for the day, the week and the month, computed by the
    /// one <see cref="Kpis.KpiCalculator"/> from the same index as <c>coordinator report</c>: what the analytics agent
    /// reports, so its figures are the report's.
    /// </summary>
    public IReadOnlyList<Kpis.Snapshots.KpiSnapshot>? Kpis { get; init; }
}
