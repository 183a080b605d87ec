using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A failed result that carries effects reporting its failure (<see cref="Effect.OnFailure"/>; the QA agent's
/// <c>failure</c> commit status on the pull request's head, so a failed gate shows on the pull request). They are
/// performed once, through the execute phase as an approved plan's effects are — each with its own key
/// (<c>…/a{n}/execute/e{i}</c>) and its outcome in the ledger and the audit trail — and the issue then ends as any
/// failure does (<see cref="RetryStep.OnFailure"/>: failed, retried with backoff, escalated), so what depends on it stays
/// blocked. A retry that fails with the same report does not send it again.
/// <para>
/// Which may run from a failed result (no person approves a failure): only a transient failure's (bad input waits for an
/// edit), only effects the agent marked <c>onFailure</c> (any other effect of a failed result is dropped when it is
/// recorded), none whose impact is financial (after <c>connectors.yml</c>'s overrides), and only when the autonomy gate
/// would run them without a person — L1 kinds (internal and reversible: a commit status, a comment, a chat message) in
/// <c>semi-auto</c> mode; <c>full-auto</c> also L2; <c>manual</c> none. Otherwise none of them runs, and a note says why.
/// </para>
/// </summary>
internal static class FailureReportStep
{
    public static Decision Apply(Decision d, DecisionInput input, ResultRecord result, bool first)
    {
        var effects = result.Effects ?? [];
        var error = result.Error ?? "the agent reported a failure";
        var failedAt = input.History.ResultTime(result.Key) ?? input.Now;
        if (effects.Count == 0 || AlreadyReported(d.State, input, effects))
        {
            return RetryStep.OnFailure(d, input, result.Key, error, failedAt, first);
        }

        if (Held(effects, input.Policies, input.Context.EffectProblem) is { } held)
        {
            // Keyed by the reason: retries failing alike say it once.
            d = d.Note(
                input,
                NoteKey.For("report-held", held),
                EffectComments.ReportHeld(held));
            return RetryStep.OnFailure(d, input, result.Key, error, failedAt, first);
        }

        var hash = EffectListHash.Of(effects);
        d = d with
        {
            State = d.State with
            {
                Summary = Text.Bound("Failed: " + error, 240),
                Gate = GateDecision.ExecuteAndReport,
                PlanKey = result.Key,
                PlanHash = result.PlanHash ?? PlanHash.Compute(result.Key),

                // The same report again (a retry failing alike) keeps its ledger: what is done is not sent twice.
                Effects = d.State.EffectsHash == hash ? d.State.Effects : null,
                EffectsHash = hash,
                PlanAt = failedAt,
                Risks = null,
                WaitingSince = null,
                Approvals = null,
            },
        };
        return ExecuteStep.Start(d, input, d.State.Attempt + 1);
    }

    /// <summary>The execute phase in <paramref name="state"/> reported a failed result (rather than carrying out an approved plan).</summary>
    public static bool Reporting(DecisionInput input, OpsState state) =>
        state.PlanKey is { } key && input.History.ResultFor(key) is { Outcome: AgentOutcome.Failed };

    /// <summary>The report's execute phase settled: the original failure now counts, as it would have without a report.</summary>
    public static Decision Settle(Decision d, DecisionInput input, ResultRecord execution, bool first)
    {
        var original = input.History.ResultFor(d.State.PlanKey!)!;
        if (execution.Outcome == AgentOutcome.Failed)
        {
            d = d.Note(
                input,
                NoteKey.For("report-failed", execution.Key),
                EffectComments.ReportIncomplete(execution.Error ?? "an effect failed"));
        }

        var error = original.Error ?? "the agent reported a failure";
        return RetryStep.OnFailure(d, input, execution.Key, error, input.History.ResultTime(original.Key) ?? input.Now, first, DispatchPhase.Plan);
    }

    /// <summary>
    /// Why the report may not run from a failed result, or null: a malformed effect, one that cannot run here
    /// (<c>connectors.yml</c>, or the shell's check <paramref name="effectProblem"/>), anything financial, or a level the
    /// gate would hold for a person.
    /// </summary>
    internal static string? Held(IReadOnlyList<Effect> effects, PolicySet policies, Func<Effect, string?>? effectProblem = null)
    {
        if (EffectShape.PlanProblem(effects) is { } problem)
        {
            return problem;
        }

        for (var i = 0; i < effects.Count; i++)
        {
            if (EffectCatalog.TryGet(effects[i].Kind, out var kind) && EffectCatalog.ImpactOf(kind, policies.Connectors).HasFlag(EffectImpact.Financial))
            {
                return string.Create(CultureInfo.InvariantCulture, $"effect e{i + 1} ({kind.Name}) is financial, and nothing financial runs from a failed result");
            }
        }

        for (var i = 0; i < effects.Count; i++)
        {
            if ((ConnectorReadiness.Problem(effects[i], policies.Connectors) ?? effectProblem?.Invoke(effects[i])) is { } unready)
            {
                return string.Create(CultureInfo.InvariantCulture, $"effect e{i + 1} cannot run here ({unready})");
            }
        }

        var level = EffectCatalog.MinimumLevel(effects, policies.Connectors);
        var mode = policies.Autonomy.Mode switch { AutonomyMode.FullAuto => "full-auto", AutonomyMode.SemiAuto => "semi-auto", _ => "manual" };
        return AutonomyGate.Decide(level, policies.Autonomy.Mode) == GateDecision.ExecuteAndReport
            ? null
            : $"its effects need a person's approval ({level} in {mode} mode), and a failed result is never put up for approval";
    }

    private static bool AlreadyReported(OpsState state, DecisionInput input, IReadOnlyList<Effect> effects) =>
        Reporting(input, state)
        && state.EffectsHash == EffectListHash.Of(effects)
        && state.Effects is { } ledger
        && Enumerable.Range(1, effects.Count).All(i => ledger.Any(r => r.Index == i && r.Status == EffectStatus.Done));
}
