using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Which other issues an agent's context carries, as digests: only what its work is about (least data). Oversight,
/// triage and analytics look across the client's issues; the QA agent reads the latest security score, the finance agent
/// earlier invoices, the devops agent the QA issues' gates; every other agent works on its own issue and gets no digests at all.
/// </summary>
/// <param name="Needed">False: the context carries no digests.</param>
/// <param name="OfAgents">Only the issues these agents handle; null for every issue in the client's scope.</param>
internal sealed record DigestNeed(bool Needed, IReadOnlySet<string>? OfAgents)
{
    private static readonly DigestNeed None = new(false, null);
    private static readonly DigestNeed Every = new(true, null);
    private static readonly DigestNeed SecurityResults = new(true, new HashSet<string>(StringComparer.Ordinal) { AgentNames.Security });
    private static readonly DigestNeed FinanceResults = new(true, new HashSet<string>(StringComparer.Ordinal) { AgentNames.Finance });
    private static readonly DigestNeed QaResults = new(true, new HashSet<string>(StringComparer.Ordinal) { AgentNames.Qa });

    /// <summary>The digests <paramref name="agent"/> is handed.</summary>
    public static DigestNeed For(string agent) => agent switch
    {
        AgentNames.Analytics or AgentNames.ProjectManager or AgentNames.Manager => Every,
        AgentNames.Qa => SecurityResults,
        AgentNames.Finance => FinanceResults,
        AgentNames.DevOps => QaResults,
        _ => None,
    };
}
