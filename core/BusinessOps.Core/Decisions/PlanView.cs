using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// An issue's plan as <c>coordinator plan show</c> prints it: the gated plan's key and hash, its effects with each one's
/// outcome from the ledger, why it may not run (changed since it was gated), and which effects the connectors configured
/// here cannot run. Read from the status comment and the trusted result comments only. Pure.
/// </summary>
/// <param name="State">The issue's recorded state.</param>
/// <param name="Plan">The gated plan's result record; null when no plan was gated yet.</param>
/// <param name="Effects">The plan's effects, in order.</param>
/// <param name="Problem">Why the recorded plan would not run, or null.</param>
/// <param name="NotReady">Per effect (same order): why <c>connectors.yml</c> or the connector does not let it run here, or null.</param>
public sealed record PlanView(OpsState State, ResultRecord? Plan, IReadOnlyList<Effect> Effects, string? Problem, IReadOnlyList<string?> NotReady)
{
    /// <summary>The ledger record of effect <paramref name="index"/> (1-based), or null when it was not reached.</summary>
    public EffectRecord? Outcome(int index) => State.Effects?.FirstOrDefault(r => r.Index == index);

    /// <summary>
    /// The plan of <paramref name="issue"/>; <paramref name="connectorProblem"/> (the connectors' own check, when the caller
    /// has them) adds what the policy alone cannot see, as the plan comment does before approval.
    /// </summary>
    public static PlanView Read(IssueSnapshot issue, PolicySet policies, Func<Effect, string?>? connectorProblem = null)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(policies);
        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        var state = history.State;
        var plan = state.PlanKey is { } key ? history.ResultFor(key) : null;
        var effects = plan?.Effects ?? [];
        var problem = plan is null ? null : ApprovedEffects.From(history, state).Problem;
        return new PlanView(state, plan, effects, problem, [.. effects.Select(e => ConnectorReadiness.Problem(e, policies.Connectors) ?? connectorProblem?.Invoke(e))]);
    }
}
