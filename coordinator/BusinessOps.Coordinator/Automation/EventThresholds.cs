using System.Globalization;
using BusinessOps.Automation.Triggers;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// Thresholds in an event job: the results the job itself recorded (their comment bodies are in hand, so no read) are
/// shown to the rules, and a rule that trips opens its follow-up now instead of at the next full pass. The trip is noted
/// on the result's issue under the rule's window key, which the full pass honours (<see cref="Noted"/>): a follow-up closed
/// before then is not opened again. Change rules (<c>falls by</c>) need the previous result, kept in the ledger that only
/// full passes read: they trip there.
/// </summary>
internal static class EventThresholds
{
    /// <summary>The note key of a trip on the result's issue.</summary>
    public static string NoteKey(string triggerKey) => "trigger:" + triggerKey;

    /// <summary>True when <paramref name="issue"/> carries our note that the trigger <paramref name="key"/> already tripped.</summary>
    public static bool Noted(IssueSnapshot issue, string key, string identity)
    {
        var marker = IssueStateReader.NoteMarker(NoteKey(key));
        return issue.Comments.Any(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(marker, StringComparison.Ordinal));
    }

    /// <param name="policies">The rules.</param>
    /// <param name="settled">Each issue as the job read it, with the bodies of the comments the job posted on it.</param>
    /// <param name="index">The follow-ups known without a request (the store's persisted index); may lag.</param>
    /// <param name="writer">Opens the follow-ups and writes the notes.</param>
    /// <param name="now">The job's time: the window of the rules' cooldowns.</param>
    /// <param name="identity">The store's identity: only its result comments are trusted.</param>
    /// <param name="cancellationToken">Stops between writes.</param>
    public static async Task RunAsync(AutomationPolicies policies, IReadOnlyList<(IssueSnapshot Issue, IReadOnlyList<string> Posted)> settled, AutomationIndex index, AutomationWriter writer, DateTimeOffset now, string identity, CancellationToken cancellationToken)
    {
        foreach (var (issue, posted) in settled)
        {
            // Only the comments this job posted: results already on the issue were shown to the rules by an earlier pass.
            var fresh = issue with { Comments = [.. posted.Select((body, i) => new IssueComment(-1 - i, identity, body, now, now))] };
            var clients = Tenancy.ClientsOf(issue.Labels);
            var client = clients.Count == 1 ? clients[0] : null;
            var fired = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (record, _) in IssueStateReader.Results(fresh, identity).Where(r => r.Record.Outputs is not null))
            {
                foreach (var fire in TriggerEvaluator.Evaluate(policies.Thresholds, new ObservedResult(record.Agent, issue.Number, client, record.Outputs!, Previous: null), now, fired))
                {
                    fired.Add(fire.Key);
                    if (Noted(issue, fire.Key, identity))
                    {
                        continue;
                    }

                    if (await writer.OpenAsync(fire.Issue, "trigger " + fire.Rule.Id, routed: true, cancellationToken) is { } follow)
                    {
                        var text = string.Create(CultureInfo.InvariantCulture, $"Threshold `{fire.Rule.Id}` tripped on this result ({fire.Rule.When.Field} = {fire.Value:0.####}): follow-up in #{follow.Number}.");
                        await writer.NoteAsync(issue, NoteKey(fire.Key), text, identity, cancellationToken);
                    }
                }
            }
        }
    }
}
