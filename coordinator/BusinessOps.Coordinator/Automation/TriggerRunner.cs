using System.Text.Json.Nodes;
using BusinessOps.Automation.Ledger;
using BusinessOps.Automation.Triggers;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The threshold part of a pass: every trusted result with outputs posted since the ledger's <see cref="AutomationLedger.ResultsSeen"/>
/// is shown to the rules (oldest first, so a change rule compares each result with the one before it for the same agent
/// and client); a rule that trips opens its follow-up once per client per cooldown window.
/// </summary>
internal static class TriggerRunner
{
    /// <summary>How far back a brand-new ledger looks for results.</summary>
    public static readonly TimeSpan FirstLookback = TimeSpan.FromDays(1);

    public static async Task<AutomationLedger> RunAsync(AutomationPolicies policies, IReadOnlyList<IssueSnapshot> open, AutomationIndex index, AutomationLedger ledger, DateTimeOffset now, AutomationWriter writer, string identity, CancellationToken cancellationToken)
    {
        if (policies.Thresholds.Count == 0)
        {
            return ledger;
        }

        var since = ledger.ResultsSeen ?? now - FirstLookback;
        var results = open
            .SelectMany(issue => IssueStateReader.Results(issue, identity).Select(r => (Issue: issue, r.Record, r.At)))
            .Where(r => r.At > since && r.Record.Outputs is not null)
            .OrderBy(r => r.At).ThenBy(r => r.Issue.Number)
            .ToList();
        if (results.Count == 0)
        {
            return ledger;
        }

        var fired = new Dictionary<string, DateTimeOffset>(ledger.Triggers, StringComparer.Ordinal);
        var observed = ledger.Observed.ToDictionary(o => o.Key, o => new Dictionary<string, double>(o.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var watched = policies.Thresholds.Select(t => t.When.Field).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (issue, record, _) in results)
        {
            var clients = Tenancy.ClientsOf(issue.Labels);
            var client = clients.Count == 1 ? clients[0] : null;
            var slot = record.Agent + "/" + (client ?? "-");
            var previous = observed.TryGetValue(slot, out var p) ? Nest(p) : null;
            var known = new HashSet<string>(fired.Keys, StringComparer.Ordinal);
            foreach (var fire in TriggerEvaluator.Evaluate(policies.Thresholds, new ObservedResult(record.Agent, issue.Number, client, record.Outputs!, previous), now, known))
            {
                // Event jobs hand their trips to this pass; one of an earlier release may have opened the follow-up itself
                // and noted it on the result's issue (and it may be closed since).
                if (!index.Has(fire.Issue.Key) && !EventThresholds.Noted(issue, fire.Key, identity))
                {
                    await writer.OpenAsync(fire.Issue, "trigger " + fire.Rule.Id, routed: true, cancellationToken);
                }

                fired[fire.Key] = now;
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in watched)
            {
                if (policies.Thresholds.First(t => t.When.Field == field).When.Read(record.Outputs) is { } v)
                {
                    values[field] = v;
                }
            }

            if (values.Count > 0)
            {
                observed[slot] = values;
            }
        }

        var keep = policies.Thresholds.Max(t => t.Cooldown);
        return (ledger with { Triggers = fired, Observed = observed, ResultsSeen = results[^1].At }).Pruned(now, keep);
    }

    // "a.b" = 1 back into { "a": { "b": 1 } }, the shape the rules read.
    private static JsonObject Nest(Dictionary<string, double> values)
    {
        var root = new JsonObject();
        foreach (var (path, value) in values)
        {
            var node = root;
            var parts = path.Split('.');
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject next)
                {
                    next = [];
                    node[part] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return root;
    }
}
