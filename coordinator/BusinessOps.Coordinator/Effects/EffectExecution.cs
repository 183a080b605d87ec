using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Effects;

/// <summary>
/// The execute phase, performed by the coordinator itself (no agent runs): the approved effects, read again from the
/// issue as it is now and run only while they are still exactly the ones approved, through <see cref="EffectRunner"/>
/// over the configured connectors, with the ledger kept in the status comment. Returns the run as a dispatch outcome
/// whose result (<see cref="ExecutionResult"/>) the caller writes as the execute key's one result comment.
/// </summary>
internal sealed class EffectExecution(IIssueStore store, PolicySet policies, IEffectConnector? connector, TimeProvider clock, Log log)
{
    /// <summary>The executor name the outcome carries: effects run in the coordinator's own process.</summary>
    public const string Name = "effects";

    public async Task<DispatchOutcome> RunAsync(int number, DispatchAgent dispatch, CancellationToken cancellationToken)
    {
        if (await store.GetIssueAsync(number, cancellationToken) is not { } current)
        {
            return DispatchOutcome.Failure(Name, "the issue is gone; nothing was run", permanent: true);
        }

        var approved = ApprovedEffects.Read(current, policies);
        if (approved.Problem is { } problem)
        {
            return DispatchOutcome.Failure(Name, $"the approved plan cannot run as approved ({problem}); nothing was run", permanent: true);
        }

        if (!approved.Effects.SequenceEqual(dispatch.Effects))
        {
            return DispatchOutcome.Failure(Name, "the plan's effects changed between the decision and the run; nothing was run", permanent: true);
        }

        if (connector is null)
        {
            return DispatchOutcome.Failure(Name, "no connectors are set up in this process (policies/connectors.yml); nothing was run", permanent: true);
        }

        if (!IdempotencyKey.TryParse(dispatch.Key, out var key))
        {
            return DispatchOutcome.Failure(Name, $"'{dispatch.Key}' is not an execute key; nothing was run", permanent: true);
        }

        var (state, _) = IssueStateReader.Read(current, policies);
        var journal = new StatusCommentJournal(store, policies, current);
        log.Info(approved.ReportsFailure
            ? $"#{number} reporting a failure through {approved.Effects.Count} effect(s) ({dispatch.Key})"
            : $"#{number} performing {approved.Effects.Count} approved effect(s) ({dispatch.Key})");
        var report = await new EffectRunner(connector, journal, clock).RunAsync(key, approved.Effects, state.Effects ?? [], approved.ReportsFailure, cancellationToken);
        var result = ExecutionResult.From(dispatch, number, approved.Effects, report, approved.ReportsFailure);
        if (report.Status == EffectRunStatus.Completed)
        {
            log.Info($"#{number} {report.Done} effect(s) done ({journal.Writes} ledger write(s))");
            return new DispatchOutcome(DispatchStatus.Completed, Name, Result: result);
        }

        log.Warn($"#{number} effects stopped: {report.Reason}");
        return new DispatchOutcome(DispatchStatus.Failed, Name, Result: result, Error: report.Reason, Permanent: report.Permanent);
    }
}
