using System.Globalization;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Performs a plan's effects in order, at most once each, across crashes and reruns. Before an effect it writes
/// "started" to the journal, after it the outcome, and only then moves on. A failed effect stops the rest — except the
/// plan's <see cref="Effect.OnFailure"/> effects, which run only then (a deployment's <c>failure</c> status and its
/// rollback), in order, after which the run reports the failure as permanent (retrying on its own would undo what they
/// did; a person decides, then <c>/retry</c>). An effect whose outcome is unknown stops everything: nothing is rolled
/// back blindly. On a rerun (the ledger of earlier runs passed in) done effects are skipped; an effect started but never
/// settled, or settled as unknown, is asked of its target by key and performed only when the target says it did not
/// happen; a failure is performed again only by a later attempt. Pure orchestration over <see cref="IEffectConnector"/>
/// and <see cref="IEffectJournal"/>; time from the injected clock.
/// </summary>
public sealed class EffectRunner(IEffectConnector connector, IEffectJournal journal, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="effects"/> for the execute-phase <paramref name="attempt"/>, continuing from
    /// <paramref name="ledger"/> (the records of earlier runs of the same plan; empty the first time).
    /// </summary>
    public Task<EffectRunReport> RunAsync(IdempotencyKey attempt, IReadOnlyList<Effect> effects, IReadOnlyList<EffectRecord> ledger, CancellationToken cancellationToken) =>
        RunAsync(attempt, effects, ledger, failureReport: false, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(IdempotencyKey, IReadOnlyList{Effect}, IReadOnlyList{EffectRecord}, CancellationToken)"/>;
    /// with <paramref name="failureReport"/> the list is a failed result's report of its failure
    /// (<see cref="Decisions.ApprovedEffects.ReportsFailure"/>): every effect runs, in order, as a plan's effects do.
    /// </summary>
    public async Task<EffectRunReport> RunAsync(IdempotencyKey attempt, IReadOnlyList<Effect> effects, IReadOnlyList<EffectRecord> ledger, bool failureReport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var records = new SortedDictionary<int, EffectRecord>();
        foreach (var record in ledger)
        {
            if (record.Index < 1 || record.Index > effects.Count)
            {
                // The plan hash ties a ledger to its plan; a record beyond the list means the two got mixed up.
                return Stop(EffectRunStatus.Failed, records, record.Index, $"the ledger names effect e{record.Index} but the plan has {effects.Count}: the plan changed after it started; nothing was run", permanent: true);
            }

            records[record.Index] = record;
        }

        if (Preflight(effects, records) is { } blocked)
        {
            return blocked;
        }

        var writer = new Writer(journal, records);
        EffectRunReport? failure = null;
        for (var index = 1; index <= effects.Count && !failureReport; index++)
        {
            if (effects[index - 1].OnFailure)
            {
                continue;
            }

            if (await StepAsync(index, effects[index - 1], attempt, records, writer, cancellationToken) is { } stopped)
            {
                if (stopped.Status == EffectRunStatus.Unknown)
                {
                    return stopped;
                }

                failure = stopped;
                break;
            }
        }

        if (failure is null && !failureReport)
        {
            await writer.FlushAsync(cancellationToken);
            return new EffectRunReport(EffectRunStatus.Completed, [.. records.Values]);
        }

        // Something failed (or the list is a failure report): the on-failure effects, each at most once.
        var handled = new List<string>();
        for (var index = 1; index <= effects.Count; index++)
        {
            if (!effects[index - 1].OnFailure && !failureReport)
            {
                continue;
            }

            if (await StepAsync(index, effects[index - 1], attempt, records, writer, cancellationToken) is { } stopped)
            {
                return failure is null ? stopped : stopped with { Reason = $"{failure.Reason}; then, on failure, {stopped.Reason}", Permanent = true };
            }

            handled.Add(string.Create(CultureInfo.InvariantCulture, $"e{index}"));
        }

        await writer.FlushAsync(cancellationToken);
        if (failure is null)
        {
            return new EffectRunReport(EffectRunStatus.Completed, [.. records.Values]);
        }

        var then = handled.Count == 0 ? string.Empty : $"; on failure, {string.Join(", ", handled)} done";
        return failure with { Records = [.. records.Values], Reason = failure.Reason + then, Permanent = failure.Permanent || handled.Count > 0 };
    }

    /// <summary>Effect <paramref name="index"/> once: null when it is done (now or before), else the report of where it stopped.</summary>
    private async Task<EffectRunReport?> StepAsync(int index, Effect effect, IdempotencyKey attempt, SortedDictionary<int, EffectRecord> records, Writer writer, CancellationToken cancellationToken)
    {
        records.TryGetValue(index, out var prior);
        if (prior?.Status == EffectStatus.Done)
        {
            return null;
        }

        if (prior?.Status == EffectStatus.Failed && prior.Attempt >= attempt.Attempt)
        {
            // This attempt already failed here; the retry policy, not a rerun, decides whether to try again.
            await writer.FlushAsync(cancellationToken);
            return Stop(EffectRunStatus.Failed, records, index, Describe(index, effect, prior.Error), prior.Permanent);
        }

        var key = prior is not null && EffectKey.TryParse(prior.Key, out var kept) ? kept : new EffectKey(attempt, index);
        var request = new EffectRequest(effect, key, writer.Earlier(index));
        if (prior?.Status is EffectStatus.Started or EffectStatus.Unknown)
        {
            var check = await CheckAsync(request, cancellationToken);
            if (check.Presence == EffectPresence.Performed)
            {
                await writer.HoldAsync(Record(index, key, attempt, EffectOutcome.Done(check.Reference)), cancellationToken);
                return null;
            }

            if (check.Presence == EffectPresence.CannotTell)
            {
                var why = prior.Status == EffectStatus.Unknown && prior.Error is not null
                    ? prior.Error
                    : "it was started but its outcome was never recorded";
                var unknown = Record(index, key, attempt, EffectOutcome.Unknown($"{why}; the target cannot be asked whether it happened{Detail(check)}"));
                await writer.WriteAsync(unknown, cancellationToken);
                return Stop(EffectRunStatus.Unknown, records, index, Describe(index, effect, unknown.Error + "; check the target, then tell the coordinator what happened"), permanent: true);
            }
        }

        await writer.WriteAsync(Record(index, key, attempt, null), cancellationToken);
        var outcome = await PerformAsync(request, cancellationToken);
        var result = Record(index, key, attempt, outcome);
        if (outcome.Status == EffectStatus.Done)
        {
            // Written together with the next effect's "started" (or at the end): one write per effect, not two.
            await writer.HoldAsync(result, cancellationToken);
            return null;
        }

        await writer.WriteAsync(result, cancellationToken);
        return outcome.Status == EffectStatus.Failed
            ? Stop(EffectRunStatus.Failed, records, index, Describe(index, effect, outcome.Error), outcome.Permanent)
            : Stop(EffectRunStatus.Unknown, records, index, Describe(index, effect, outcome.Error), permanent: true);
    }

    // Checked before anything runs, so a plan never half-executes because a later effect's connector is missing.
    private EffectRunReport? Preflight(IReadOnlyList<Effect> effects, SortedDictionary<int, EffectRecord> records)
    {
        for (var index = 1; index <= effects.Count; index++)
        {
            if (records.TryGetValue(index, out var prior) && prior.Status == EffectStatus.Done)
            {
                continue;
            }

            var problem = EffectShape.Problem(effects[index - 1]) ?? connector.Unavailable(effects[index - 1]);
            if (problem is not null)
            {
                return Stop(EffectRunStatus.Failed, records, index, Describe(index, effects[index - 1], problem + "; nothing was run"), permanent: true);
            }
        }

        return null;
    }

    private async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.PerformAsync(request, cancellationToken);
        }
#pragma warning disable CA1031 // A connector that throws may have acted before it did: the outcome is unknown, not a crash of the run.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return EffectOutcome.Unknown($"the connector failed unexpectedly ({ex.GetType().Name}: {ex.Message}); the effect may have happened");
        }
    }

    private async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.CheckAsync(request, cancellationToken);
        }
#pragma warning disable CA1031 // A failed check proves nothing either way: treat it as "cannot tell", never as "not performed".
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return EffectCheck.CannotTell($"asking the target failed: {ex.Message}");
        }
    }


    private EffectRecord Record(int index, EffectKey key, IdempotencyKey attempt, EffectOutcome? outcome)
    {
        var started = new EffectRecord(index, key.ToString(), EffectStatus.Started, attempt.Attempt, clock.GetUtcNow());
        return outcome is null ? started : EffectRecord.From(started, outcome, started.At);
    }

    private static EffectRunReport Stop(EffectRunStatus status, SortedDictionary<int, EffectRecord> records, int index, string reason, bool permanent) =>
        new(status, [.. records.Values], index, reason, permanent);

    private static string Describe(int index, Effect effect, string? error) =>
        string.Create(CultureInfo.InvariantCulture, $"effect e{index} ({effect.Kind} → {Governance.MarkdownSafe.Inline(effect.Target, 100)}): {error ?? "failed"}");

    private static string Detail(EffectCheck check) => check.Detail is null ? string.Empty : $" ({check.Detail})";

    // Holds a settled "done" until the next write, so it shares that write; the ledger view is updated only once written.
    private sealed class Writer(IEffectJournal journal, SortedDictionary<int, EffectRecord> records)
    {
        private EffectRecord? _held;

        /// <summary>Keeps <paramref name="record"/> for the next write; one held already (two settled in a row on a rerun) is written first.</summary>
        public async Task HoldAsync(EffectRecord record, CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            _held = record;
        }

        /// <summary>The records before <paramref name="index"/>, the held one included: settled, even if not yet written.</summary>
        public IReadOnlyList<EffectRecord> Earlier(int index) =>
            [.. records.Values.Where(r => r.Index < index && r.Index != _held?.Index).Concat(_held is { } held && held.Index < index ? [held] : []).OrderBy(r => r.Index)];

        public async Task WriteAsync(EffectRecord record, CancellationToken cancellationToken)
        {
            IReadOnlyList<EffectRecord> batch = _held is { } held ? [held, record] : [record];
            await journal.WriteAsync(batch, cancellationToken);
            _held = null;
            foreach (var written in batch)
            {
                records[written.Index] = written;
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_held is { } held)
            {
                _held = null;
                await journal.WriteAsync([held], cancellationToken);
                records[held.Index] = held;
            }
        }
    }
}
