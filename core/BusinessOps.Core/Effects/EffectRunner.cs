using System.Globalization;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Performs a plan's effects in order, at most once each, across crashes and reruns. Before an effect it writes
/// "started" to the journal, after it the outcome, and only then moves on. A failed effect stops the rest. On a rerun
/// (the ledger of earlier runs passed in) done effects are skipped; an effect started but never settled, or settled as
/// unknown, is asked of its target by key and performed only when the target says it did not happen; a failure is
/// performed again only by a later attempt. Pure orchestration over <see cref="IEffectConnector"/> and
/// <see cref="IEffectJournal"/>; time from the injected clock.
/// </summary>
public sealed class EffectRunner(IEffectConnector connector, IEffectJournal journal, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="effects"/> for the execute-phase <paramref name="attempt"/>, continuing from
    /// <paramref name="ledger"/> (the records of earlier runs of the same plan; empty the first time).
    /// </summary>
    public async Task<EffectRunReport> RunAsync(IdempotencyKey attempt, IReadOnlyList<Effect> effects, IReadOnlyList<EffectRecord> ledger, CancellationToken cancellationToken)
    {
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

        var journalWriter = new Writer(journal, records);
        for (var index = 1; index <= effects.Count; index++)
        {
            var effect = effects[index - 1];
            records.TryGetValue(index, out var prior);
            if (prior?.Status == EffectStatus.Done)
            {
                continue;
            }

            if (prior?.Status == EffectStatus.Failed && prior.Attempt >= attempt.Attempt)
            {
                // This attempt already failed here; the retry policy, not a rerun, decides whether to try again.
                await journalWriter.FlushAsync(cancellationToken);
                return Stop(EffectRunStatus.Failed, records, index, Describe(index, effect, prior.Error), prior.Permanent);
            }

            var key = prior is not null && EffectKey.TryParse(prior.Key, out var kept) ? kept : new EffectKey(attempt, index);
            var request = new EffectRequest(effect, key, journalWriter.Earlier(index));
            if (prior?.Status is EffectStatus.Started or EffectStatus.Unknown)
            {
                var check = await CheckAsync(request, cancellationToken);
                if (check.Presence == EffectPresence.Performed)
                {
                    journalWriter.Hold(Record(index, key, attempt, EffectOutcome.Done(check.Reference)));
                    continue;
                }

                if (check.Presence == EffectPresence.CannotTell)
                {
                    var why = prior.Status == EffectStatus.Unknown && prior.Error is not null
                        ? prior.Error
                        : "it was started but its outcome was never recorded";
                    var unknown = Record(index, key, attempt, EffectOutcome.Unknown($"{why}; the target cannot be asked whether it happened{Detail(check)}"));
                    await journalWriter.WriteAsync(unknown, cancellationToken);
                    return Stop(EffectRunStatus.Unknown, records, index, Describe(index, effect, unknown.Error + "; check the target, then tell the coordinator what happened"), permanent: true);
                }
            }

            await journalWriter.WriteAsync(Record(index, key, attempt, null), cancellationToken);
            var outcome = await PerformAsync(request, cancellationToken);
            var result = Record(index, key, attempt, outcome);
            if (outcome.Status == EffectStatus.Done)
            {
                // Written together with the next effect's "started" (or at the end): one write per effect, not two.
                journalWriter.Hold(result);
                continue;
            }

            await journalWriter.WriteAsync(result, cancellationToken);
            if (outcome.Status == EffectStatus.Failed)
            {
                return Stop(EffectRunStatus.Failed, records, index, Describe(index, effect, outcome.Error), outcome.Permanent);
            }

            if (outcome.Status == EffectStatus.Unknown)
            {
                return Stop(EffectRunStatus.Unknown, records, index, Describe(index, effect, outcome.Error), permanent: true);
            }
        }

        await journalWriter.FlushAsync(cancellationToken);
        return new EffectRunReport(EffectRunStatus.Completed, [.. records.Values]);
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

        public void Hold(EffectRecord record) => _held = record;

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
