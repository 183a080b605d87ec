using BusinessOps.Core.Agents;

namespace BusinessOps.Core.Policies;

/// <summary>
/// Every policy the coordinator acts on, loaded and validated from <c>policies/*.yml</c> by
/// <c>BusinessOps.Policies</c>. Immutable; <see cref="Default"/> is the embedded default.
/// </summary>
public sealed record PolicySet(
    RoutingPolicy Routing,
    SlaPolicy Sla,
    DispatchPolicy Dispatch,
    AutonomyPolicy Autonomy,
    ApprovalPolicy Approvals,
    QualityGatesPolicy QualityGates)
{
    /// <summary>The login the coordinator and agents write as (set by the shell from the store); markers are trusted only from it.</summary>
    public string Identity { get; init; } = BotIdentity.Login;

    /// <summary><c>owner/repo</c> for idempotency keys (set by the shell from the store).</summary>
    public string Repository { get; init; } = "local/ops";

    /// <summary><c>connectors.yml</c>: what approved plans may act on; <c>Decide</c> reads the effect kinds' impact and timeouts from it.</summary>
    public ConnectorsPolicy Connectors { get; init; } = ConnectorsPolicy.Default;

    /// <summary>
    /// The client profiles of <c>policies/tenants.yml</c> by id (case-insensitive), set by the shell. Null: tenants are not
    /// configured, so <c>client/*</c> labels are taken as they are; otherwise a label without a profile goes to triage.
    /// </summary>
    public IReadOnlyDictionary<string, ClientProfile>? Clients { get; init; }

    /// <summary>The agents' rules, templates, knowledge and language model (their own files in the policy folder).</summary>
    public AgentPolicyBook Agents { get; init; } = AgentPolicyBook.Default;

    /// <summary>The KPI targets of <c>alerts.yml</c>, so the analytics agent measures against the same targets as the reports and the dashboard.</summary>
    public Kpis.Snapshots.KpiTargets KpiTargets { get; init; } = Kpis.Snapshots.KpiTargets.Default;

    /// <summary>The wording of the coordinator's comments: the business's <c>templates/coordinator/*.sbn</c>, else the built-in text.</summary>
    public Comments.ICommentWording Wording { get; init; } = Comments.BuiltInWording.Instance;

    public static PolicySet Default { get; } = new(
        RoutingPolicy.Default,
        SlaPolicy.Default,
        DispatchPolicy.Default,
        AutonomyPolicy.Default,
        ApprovalPolicy.Default,
        QualityGatesPolicy.Default);
}
