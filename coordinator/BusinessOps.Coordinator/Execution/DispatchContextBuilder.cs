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
/// issues — digests of those issues, scoped to the client, from the coordinator's own list (one list per pass, read
/// only when such an agent runs; analytics adds closed issues updated within a year). Agents read nothing else.
/// </summary>
public sealed class DispatchContextBuilder(IIssueStore store, PolicySet policies, TimeProvider clock, IReadOnlyList<IssueSnapshot>? openIssues)
{
    // Agents run in parallel: the first that needs a list starts its read, the others await the same read.
    private Task<IReadOnlyList<IssueSnapshot>>? _open = openIssues is null ? null : Task.FromResult(openIssues);
    private Task<IReadOnlyList<IssueSnapshot>>? _closed;
    private object? _openLock;
    private object? _closedLock;
    private bool _openRead = openIssues is not null;
    private bool _closedRead;

    public async Task<DispatchContext> BuildAsync(IssueSnapshot issue, string agent, string? tenant, CancellationToken ct)
    {
        var client = tenant is { Length: > 0 } ? new ClientProfile(tenant.ToLowerInvariant()) : null;
        var agentPolicies = new AgentPolicies
        {
            QualityGates = agent == AgentNames.Qa ? policies.QualityGates : null,
            Triage = agent == AgentNames.Manager ? policies.Routing.Triage : null,
            Network = agent == AgentNames.Operations ? policies.Dispatch.Network : null,
        };
        IssueDigestSet? issues = agent switch
        {
            AgentNames.Analytics => Scope([.. await OpenAsync(ct), .. await ClosedAsync(ct)], issue, client, includesClosed: true),
            AgentNames.ProjectManager or AgentNames.Manager => Scope(await OpenAsync(ct), issue, client, includesClosed: false),
            _ => null,
        };
        return new DispatchContext { Client = client, Policies = agentPolicies, Issues = issues };
    }

    private IssueDigestSet Scope(IReadOnlyList<IssueSnapshot> issues, IssueSnapshot self, ClientProfile? client, bool includesClosed) =>
        IssueDigests.Scoped(issues, client?.Id, self.Number, includesClosed, policies.Identity, policies.Routing);

    private Task<IReadOnlyList<IssueSnapshot>> OpenAsync(CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _open, ref _openRead, ref _openLock, () => store.ListIssuesAsync(IssueQuery.Open, ct))!;

    private Task<IReadOnlyList<IssueSnapshot>> ClosedAsync(CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _closed, ref _closedRead, ref _closedLock, () =>
            store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Closed, Since: clock.GetUtcNow().AddDays(-IssueDigestSet.MaxAgeDays)), ct))!;
}
