using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sdk;

/// <summary>
/// Everything an agent may look at for one run — and all it sees: the issue, the dispatch it belongs to, and what the
/// coordinator handed it (<see cref="Dispatch"/>: the client's profile, the policies it applies, scoped data). No store.
/// </summary>
/// <param name="Agent">Executable name.</param>
/// <param name="Issue">The issue as given (untrusted texts).</param>
/// <param name="Key">Idempotency key of this dispatch.</param>
/// <param name="Phase"><c>plan</c> or <c>execute</c>.</param>
/// <param name="Form">The issue body parsed as an issue form.</param>
/// <param name="Dispatch">The coordinator's context for this run (<see cref="DispatchContext.Empty"/> standalone).</param>
public sealed record AgentContext(string Agent, IssueSnapshot Issue, string Key, string Phase, IssueForm Form, DispatchContext Dispatch)
{
    /// <summary>True in the execute phase: the summary says the work was applied.</summary>
    public bool IsExecute => Phase == IdempotencyKey.ExecutePhase;

    /// <summary>The client's profile, or null for internal work.</summary>
    public ClientProfile? Client => Dispatch.Client;

    /// <summary>The policies handed to this run.</summary>
    public AgentPolicies Policies => Dispatch.Policies;

    /// <summary>Other issues in this run's scope, or null when the coordinator handed none (standalone runs).</summary>
    public IssueDigestSet? Issues => Dispatch.Issues;

    /// <summary>The KPIs of this issue's scope (day, week, month), computed by the coordinator's one calculator; null when run alone.</summary>
    public IReadOnlyList<Core.Kpis.Snapshots.KpiSnapshot>? Kpis => Dispatch.Kpis;

    /// <summary>
    /// "Now" for agents that judge ages and due dates: the issue's own timestamp, so the same issue always
    /// gives the same answer (no wall clock in agent logic).
    /// </summary>
    public DateTimeOffset Now => Issue.UpdatedAt > Issue.CreatedAt ? Issue.UpdatedAt : Issue.CreatedAt;

    /// <summary>The context for <paramref name="agent"/> on <paramref name="issue"/> (the body parsed as a form).</summary>
    public static AgentContext For(string agent, IssueSnapshot issue, string key, string phase, DispatchContext? dispatch) =>
        new(agent, issue, key, phase, IssueFormParser.Parse(issue.Body), dispatch ?? DispatchContext.Empty);
}
