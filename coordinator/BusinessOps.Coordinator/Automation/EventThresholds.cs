using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Triggers;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// Thresholds in an event job: the results the job itself recorded (their comment bodies are in hand, so no read) are
/// shown to the rules, and the trips they may cause are handed to the serialized pass (<see cref="TripHandover"/>) instead
/// of opened here. Event jobs run one per issue, side by side: two of them that each opened the follow-up of the same rule
/// window would open two. The pass (the reconcile concurrency group) reads the ledger and the open follow-ups fresh and
/// opens each window's follow-up once; a change rule (<c>falls by</c>) is handed over whenever the result carries its
/// field, since only the pass holds the previous value.
/// </summary>
internal static class EventThresholds
{
    /// <summary>
    /// True when <paramref name="issue"/> carries the note an event job of an earlier release left when it opened the
    /// follow-up of trigger window <paramref name="key"/> itself: the pass honours it for the window's remaining cooldown.
    /// </summary>
    public static bool Noted(IssueSnapshot issue, string key, string identity)
    {
        var marker = IssueStateReader.NoteMarker("trigger:" + key);
        return issue.Comments.Any(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(marker, StringComparison.Ordinal));
    }

    /// <param name="policies">The rules.</param>
    /// <param name="settled">Each issue as the job read it, with the bodies of the comments the job posted on it.</param>
    /// <param name="index">The follow-ups known without a request (the store's persisted index, with the ledger in it); may lag.</param>
    /// <param name="now">The job's time: the window of the rules' cooldowns.</param>
    /// <param name="identity">The store's identity: only its result comments are trusted.</param>
    /// <returns>The trips to hand over: none whose window is known to have fired already.</returns>
    public static IReadOnlyList<TriggerCandidate> Pending(AutomationPolicies policies, IReadOnlyList<(IssueSnapshot Issue, IReadOnlyList<string> Posted)> settled, AutomationIndex index, DateTimeOffset now, string identity)
    {
        // The ledger as the last pass left it: a window it records as fired needs no pass now. Stale is safe here — a window
        // it does not know yet only costs a pass that opens nothing.
        var fired = new HashSet<string>(LedgerStore.Read(index.LedgerIssue, identity).Ledger.Triggers.Keys, StringComparer.Ordinal);
        var pending = new List<TriggerCandidate>();
        foreach (var (issue, posted) in settled)
        {
            // Only the comments this job posted: results already on the issue were shown to the rules by an earlier pass.
            var fresh = issue with { Comments = [.. posted.Select((body, i) => new IssueComment(-1 - i, identity, body, now, now))] };
            var clients = Tenancy.ClientsOf(issue.Labels);
            var client = clients.Count == 1 ? clients[0] : null;
            foreach (var (record, _) in IssueStateReader.Results(fresh, identity).Where(r => r.Record.Outputs is not null))
            {
                foreach (var trip in TriggerEvaluator.Candidates(policies.Thresholds, new ObservedResult(record.Agent, issue.Number, client, record.Outputs!, Previous: null), now, fired))
                {
                    fired.Add(trip.Key);
                    if (!index.Has(new AutomationKey(AutomationKinds.Trigger, trip.Key)) && !Noted(issue, trip.Key, identity))
                    {
                        pending.Add(trip);
                    }
                }
            }
        }

        return pending;
    }
}
