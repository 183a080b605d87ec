namespace BusinessOps.Agents.ProjectManagement;

/// <summary>Escalated, SLA-breached, blocked and waiting issues among <see cref="Examined"/> open issues, and the open work per agent.</summary>
internal sealed record OversightReport(int Examined, IReadOnlyList<OversightItem> Escalated, IReadOnlyList<OversightItem> Breached, IReadOnlyList<OversightItem> Blocked)
{
    /// <summary>Awaiting a person's approval or decision for up to a day (longer counts as blocked).</summary>
    public IReadOnlyList<OversightItem> Waiting { get; init; } = [];

    /// <summary>Open issues per agent, busiest first.</summary>
    public IReadOnlyList<AgentWorkload> Workload { get; init; } = [];
}
