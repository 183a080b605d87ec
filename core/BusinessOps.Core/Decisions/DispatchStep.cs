using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A dispatch: a new idempotency key, the intent recorded in the state (agent, key, executor, time, and for a plan the
/// input it is about), and the run for the shell to start once that is written — <c>status/in-progress</c> at once on a
/// cloud executor, <c>status/queued</c> until started on the local one. The execute phase runs no agent: it carries the
/// approved effects, which the coordinator performs itself (<see cref="ExecuteStep"/>).
/// </summary>
internal static class DispatchStep
{
    public static Decision Start(Decision d, DecisionInput input, int attempt, DispatchPhase phase) =>
        phase == DispatchPhase.Execute ? ExecuteStep.Start(d, input, attempt)
        : FairShareStep.Held(d, input) ?? Record(d, input, attempt, phase, []);

    /// <summary>Records the intent of <paramref name="attempt"/> and asks the shell to run it (for the execute phase, <paramref name="effects"/>).</summary>
    public static Decision Record(Decision d, DecisionInput input, int attempt, DispatchPhase phase, IReadOnlyList<Effect> effects)
    {
        var policies = input.Policies;
        var key = new IdempotencyKey(policies.Repository, input.Issue.Number, attempt, phase).ToString();
        var inputHash = InputHash.Of(input.Issue);
        d = d with
        {
            State = d.State with
            {
                Agent = d.Agent,
                Key = key,
                Attempt = attempt,
                Phase = phase,
                DispatchedAt = input.Now,

                // Effects run in the coordinator's own process, wherever agents run.
                Executor = phase == DispatchPhase.Execute ? ExecutorKind.Local : input.Context.Executor ?? policies.Dispatch.For(d.Priority).Executor,
                ExternalId = null,
                NotBefore = null,
                Triage = null,
                InputHash = phase == DispatchPhase.Plan ? inputHash : d.State.InputHash,
            },
            Dispatch = new DispatchAgent(d.Agent!, key, attempt, phase, d.Priority, input.Tenant, inputHash) { Effects = effects },
        };
        return d.WithStatus(input.Context.DispatchImmediately ? IssueStatus.InProgress : IssueStatus.Queued);
    }

    /// <summary>
    /// The recorded intent again, same key (the run never started): idempotent by key, and not a failure. A plan's input
    /// is what the run now gets; an execute phase only ever runs on the input that was approved, and only the effects
    /// that were approved.
    /// </summary>
    public static Decision Again(Decision d, DecisionInput input)
    {
        var state = d.State;
        var phase = state.Phase ?? DispatchPhase.Plan;
        if (phase == DispatchPhase.Execute && input.InputChangedSince(state.InputHash))
        {
            return PlanStep.Void(d, input);
        }

        IReadOnlyList<Effect> effects = [];
        if (phase == DispatchPhase.Execute)
        {
            var approved = ApprovedEffects.From(input.History, state);
            if (approved.Problem is { } problem)
            {
                return PlanStep.Changed(d, input, problem);
            }

            if (approved.Effects.Count == 0)
            {
                return FinishStep.Apply(d, input, state.Key!);
            }

            effects = approved.Effects;
        }

        var inputHash = InputHash.Of(input.Issue);
        return d with
        {
            State = phase == DispatchPhase.Plan ? state with { InputHash = inputHash } : state,
            Dispatch = new DispatchAgent(state.Agent!, state.Key!, state.Attempt, phase, d.Priority, input.Tenant, inputHash) { Effects = effects },
        };
    }
}
