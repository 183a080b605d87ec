using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The execute phase's result: the coordinator performed (part of) the approved effects and recorded each outcome in the
/// ledger. Completed → done. A failure fails the attempt with its reason: retried with backoff (the next attempt skips
/// done effects and sends the failed one again under its first key), or — when retrying cannot help — left failed until a
/// person fixes the cause and comments <c>/retry</c>. An effect whose outcome is unknown is never repeated blindly: the
/// issue waits for a person to check the target and say <c>/effect eN done</c> or <c>/effect eN not-done</c>, then <c>/retry</c>.
/// Each effect's outcome enters the audit trail once.
/// </summary>
internal static class EffectsStep
{
    // More than this many effects settled in one attempt: the done ones share one audit entry (the trail keeps 20).
    private const int AuditEach = 8;

    public static Decision Settle(Decision d, DecisionInput input, ResultRecord result, bool first)
    {
        var key = result.Key;
        var attempt = IdempotencyKey.TryParse(key, out var k) ? k.Attempt : d.State.Attempt;
        var ledger = d.State.Effects ?? [];
        if (first)
        {
            d = AuditOutcomes(d, input, ledger.Where(r => r.Attempt == attempt).ToList());
        }

        var error = result.Error ?? "an effect failed";
        var unsure = ledger.FirstOrDefault(r => r.Status is EffectStatus.Unknown or EffectStatus.Started);
        if (result.Outcome == AgentOutcome.Failed && unsure is not null)
        {
            return AwaitPerson(d, input, key, unsure, error, first);
        }

        // The effects reported a failed result: whatever they achieved, that failure is what the issue now settles.
        if (FailureReportStep.Reporting(input, d.State))
        {
            return FailureReportStep.Settle(d, input, result, first);
        }

        if (result.Outcome != AgentOutcome.Failed)
        {
            d = d.State.Failures == 0 ? d : d with { State = d.State with { Failures = 0 } };
            return FinishStep.Apply(d, input, key);
        }

        if (!result.Permanent)
        {
            return RetryStep.OnFailure(d, input, key, error, input.History.ResultTime(key) ?? input.Now, first);
        }

        if (first)
        {
            d = d with { State = d.State with { Failures = d.State.Failures + 1, Summary = Text.Bound("Failed: " + error, 240) } };
        }

        // Said once per attempt, also when nothing ran at all (an effect that cannot run here stops the plan before the first).
        d = d.Note(input, "effect-failed:" + key, EffectComments.Stopped(Text.Mentions(input.Policies.Sla.Managers), error, Done(ledger)));

        return d.WithStatus(IssueStatus.Failed);
    }

    /// <summary><c>/effect eN done|not-done</c>: a person's word on an effect whose outcome was unknown, recorded in the ledger.</summary>
    public static Decision Resolve(Decision d, DecisionInput input, ParsedCommand cmd, int index, bool done)
    {
        var author = cmd.Comment.Author;
        var ledger = d.State.Effects ?? [];
        var record = ledger.FirstOrDefault(r => r.Index == index);
        var name = string.Create(CultureInfo.InvariantCulture, $"e{index}");
        if (record is not { Status: EffectStatus.Unknown or EffectStatus.Started })
        {
            return d.Note(input, "cmd:" + cmd.Comment.Id, EffectComments.Unchanged(author, name, record is null ? null : Status(record.Status)));
        }

        var settled = done
            ? record with { Status = EffectStatus.Done, At = cmd.Comment.CreatedAt, Reference = Text.Bound("confirmed by " + author, 300), Error = null, Permanent = false }
            : record with { Status = EffectStatus.Failed, At = cmd.Comment.CreatedAt, Error = Text.Bound("did not happen, per " + author, 300), Permanent = false };
        d = d with { State = d.State with { Effects = [.. ledger.Select(r => r.Index == index ? settled : r)] } };
        d = d.Audit(input, author, done ? $"effect {name} done" : $"effect {name} not done", "checked the target by hand", cmd.Comment.CreatedAt);
        return d.Note(input, "cmd:" + cmd.Comment.Id, EffectComments.Recorded(author, name, done));
    }

    private static Decision AwaitPerson(Decision d, DecisionInput input, string key, EffectRecord unsure, string error, bool first)
    {
        if (first)
        {
            d = d with { State = d.State with { Summary = Text.Bound("Unknown outcome: " + error, 240), WaitingSince = d.State.WaitingSince ?? input.Now } };
            d = d.Audit(input, "coordinator", "waiting for a person", Text.Bound(error, 200));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"e{unsure.Index}");
        var what = Describe(input, d.State, unsure.Index);
        var note = EffectComments.Unsure(Text.Mentions(input.Policies.Sla.Managers), name, what, unsure.Error ?? error, unsure.Key);
        d = d.Note(input, NoteKey.For("effect-unknown", unsure.Key), note);
        return d.WithStatus(IssueStatus.AwaitingDecision);
    }

    private static Decision AuditOutcomes(Decision d, DecisionInput input, List<EffectRecord> settled)
    {
        var done = settled.Where(r => r.Status == EffectStatus.Done).ToList();
        if (settled.Count > AuditEach && done.Count > 1)
        {
            var names = string.Join(", ", done.Select(r => string.Create(CultureInfo.InvariantCulture, $"e{r.Index}")));
            d = d.Audit(input, "coordinator", string.Create(CultureInfo.InvariantCulture, $"{done.Count} effects done"), names, done[^1].At);
            settled = [.. settled.Where(r => r.Status != EffectStatus.Done)];
        }

        foreach (var r in settled.Where(r => r.Status != EffectStatus.Started))
        {
            var reason = r.Status == EffectStatus.Done ? r.Reference ?? "done" : r.Error ?? Status(r.Status);
            d = d.Audit(input, "coordinator", string.Create(CultureInfo.InvariantCulture, $"effect e{r.Index} {Status(r.Status)}"), reason, r.At);
        }

        return d;
    }

    private static string Describe(DecisionInput input, OpsState state, int index)
    {
        var effects = state.PlanKey is { } planKey ? input.History.ResultFor(planKey)?.Effects : null;
        return effects is not null && index >= 1 && index <= effects.Count ? EffectDescriber.Describe(effects[index - 1]) : "see the plan";
    }

    private static List<string> Done(IReadOnlyList<EffectRecord> ledger) =>
        [.. ledger.Where(r => r.Status == EffectStatus.Done).Select(r => string.Create(CultureInfo.InvariantCulture, $"e{r.Index}"))];

    private static string Status(EffectStatus status) => status switch
    {
        EffectStatus.Done => "done",
        EffectStatus.Failed => "failed",
        EffectStatus.Unknown => "unknown",
        _ => "started",
    };
}
