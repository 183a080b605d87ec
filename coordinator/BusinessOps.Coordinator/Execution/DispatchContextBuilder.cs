using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Builds the <see cref="DispatchContext"/> each agent receives: the client's profile (from its <c>client/&lt;id&gt;</c>;
/// only the id until tenant profiles exist), the policies it applies, and — for the agents whose work is about other
/// issues (analytics, oversight, duplicates) — digests of the open issues, scoped to the client, from the coordinator's
/// own list: the pass's list on a full pass, else one list read when such an agent first runs. Agents read nothing else.
/// </summary>
public sealed class DispatchContextBuilder(IIssueStore store, PolicySet policies, IReadOnlyList<IssueSnapshot>? openIssues)
{
    // Agents run in parallel: the first that needs a list starts its read, the others await the same read.
    private Task<IReadOnlyList<IssueSnapshot>>? _open = openIssues is null ? null : Task.FromResult(openIssues);
    private object? _openLock;
    private bool _openRead = openIssues is not null;

    public async Task<DispatchContext> BuildAsync(IssueSnapshot issue, string agent, string? tenant, CancellationToken ct)
    {
        var client = tenant is { Length: > 0 } ? new ClientProfile(tenant.ToLowerInvariant()) : null;
        var agentPolicies = new AgentPolicies
        {
            QualityGates = agent == AgentNames.Qa ? policies.QualityGates : null,
            Triage = agent == AgentNames.Manager ? policies.Routing.Triage : null,
            Network = agent == AgentNames.Operations ? policies.Dispatch.Network : null,
        };
        agentPolicies = policies.Agents.For(agent, agentPolicies);
        IssueDigestSet? issues = agent is AgentNames.Analytics or AgentNames.ProjectManager or AgentNames.Manager or AgentNames.Qa or AgentNames.Finance
            ? IssueDigests.Scoped(await OpenAsync(ct), client?.Id, issue.Number, policies.Identity, policies.Routing)
            : null;
        return new DispatchContext { Client = client, Policies = agentPolicies, Issues = issues };
    }

    private Task<IReadOnlyList<IssueSnapshot>> OpenAsync(CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _open, ref _openRead, ref _openLock, () => store.ListIssuesAsync(IssueQuery.Open, ct))!;
}
