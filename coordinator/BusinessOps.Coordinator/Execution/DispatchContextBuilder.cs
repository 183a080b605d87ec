using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Builds the <see cref="DispatchContext"/> each agent receives: the client's profile from <c>policies/tenants.yml</c>
/// (chosen by the issue's <c>client/&lt;id&gt;</c> label, never by its text; the id alone when tenants are not configured),
/// the policies it applies, and — for the agents whose work is about other issues (<see cref="DigestNeed"/>: analytics,
/// oversight, duplicates, the QA agent's security score, the finance agent's earlier invoices) — digests of just those
/// open issues, scoped to the client (<see cref="Tenancy.Allows"/>), from the coordinator's own list: the
/// pass's list on a full pass, else the store's index as the last pass left it (<see cref="IIndexedIssues"/>, no request), else
/// one list read when such an agent first runs. Agents read nothing else, and nothing of
/// another client ever reaches them. The analytics agent also gets the KPIs of its scope from the one calculator over the
/// KPI index (what <c>coordinator report</c> shows).
/// </summary>
public sealed class DispatchContextBuilder(IIssueStore store, PolicySet policies, IReadOnlyList<IssueSnapshot>? openIssues, TimeProvider clock)
{
    private Task<IReadOnlyList<IssueFacts>>? _facts;
    private object? _factsLock;
    private bool _factsRead;

    // Agents run in parallel: the first that needs a list starts its read, the others await the same read.
    private Task<IReadOnlyList<IssueSnapshot>>? _open = openIssues is null ? null : Task.FromResult(openIssues);
    private object? _openLock;
    private bool _openRead = openIssues is not null;

    public async Task<DispatchContext> BuildAsync(IssueSnapshot issue, string agent, string? tenant, CancellationToken ct)
    {
        var client = tenant is { Length: > 0 } ? Tenancy.Find(policies.Clients, tenant) ?? new ClientProfile(tenant.ToLowerInvariant()) : null;
        var agentPolicies = new AgentPolicies
        {
            QualityGates = agent == AgentNames.Qa ? policies.QualityGates : null,
            Triage = agent == AgentNames.Manager ? policies.Routing.Triage : null,
            Network = agent == AgentNames.Operations ? policies.Dispatch.Network : null,
        };
        agentPolicies = policies.Agents.For(agent, agentPolicies);
        var need = DigestNeed.For(agent);
        var issues = need.Needed
            ? IssueDigests.Scoped(await OpenAsync(ct), client?.Id, issue.Number, policies.Identity, policies.Routing, need.OfAgents)
            : null;

        // A narrow need with nothing in scope hands nothing: the agent reads "none" either way, and no list rides along.
        if (need.OfAgents is not null && issues is { Items.Count: 0, Omitted: 0 })
        {
            issues = null;
        }

        var kpis = agent == AgentNames.Analytics ? await KpisAsync(client?.Id, ct) : null;
        return new DispatchContext { Client = client, Policies = agentPolicies, Issues = issues, Kpis = kpis };
    }

    /// <summary>The day's, the week's and the month's KPIs of <paramref name="client"/> (every issue when null).</summary>
    private async Task<IReadOnlyList<KpiSnapshot>> KpisAsync(string? client, CancellationToken ct)
    {
        var facts = await LazyInitializer.EnsureInitialized(ref _facts, ref _factsRead, ref _factsLock, () => KpiSource.ReadAsync(store, refresh: false, ct))!;
        var now = clock.GetUtcNow();
        return [.. new[] { KpiPeriodKind.Day, KpiPeriodKind.Week, KpiPeriodKind.Month }.Select(kind => KpiCalculator.Compute(facts, KpiQuery.For(kind, now, client, policies.KpiTargets)))];
    }

    private Task<IReadOnlyList<IssueSnapshot>> OpenAsync(CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _open, ref _openRead, ref _openLock, () => ReadOpenAsync(ct))!;

    // Without the pass's list (an event run), the store's own index as the last pass left it costs no request; a listing
    // only when there is none. Digests are context, not decisions: a pass's lag is what they may carry.
    private async Task<IReadOnlyList<IssueSnapshot>> ReadOpenAsync(CancellationToken ct) =>
        (StoreLayers.Find<IIndexedIssues>(store) is { } index ? await index.ListIndexedAsync(IssueQuery.Open, ct) : null)
        ?? await store.ListIssuesAsync(IssueQuery.Open, ct);
}
