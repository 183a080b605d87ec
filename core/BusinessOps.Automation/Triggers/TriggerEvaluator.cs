using System.Globalization;
using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Triggers;

/// <summary>
/// Pure: which threshold rules a settled result trips. Each rule fires at most once per client per cooldown window;
/// the window is fixed (<c>floor(now / cooldown)</c>), so its key — rule, client, window start — is the same in
/// every pass and the follow-up issue's marker makes opening it idempotent.
/// </summary>
public static class TriggerEvaluator
{
    /// <summary>Every placeholder a follow-up template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["rule", "field", "value", "previous", "condition", "agent", "issue", "client", "date"];

    /// <summary>The rules <paramref name="result"/> trips as of <paramref name="now"/>, skipping keys in <paramref name="fired"/> (ledger and open follow-ups' markers).</summary>
    public static IReadOnlyList<TriggerFire> Evaluate(IReadOnlyList<ThresholdRule> rules, ObservedResult result, DateTimeOffset now, IReadOnlySet<string> fired)
    {
        var fires = new List<TriggerFire>();
        foreach (var rule in rules)
        {
            if (ValueFor(rule, result) is not { } value)
            {
                continue;
            }

            var previous = rule.When.NeedsPrevious ? rule.When.Read(result.Previous) : null;
            if (!rule.When.Holds(value, previous))
            {
                continue;
            }

            var key = Key(rule, result.Client, now);
            if (fired.Contains(key))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["rule"] = rule.Id,
                ["field"] = rule.When.Field,
                ["value"] = Number(value),
                ["previous"] = previous is { } p ? Number(p) : "n/a",
                ["condition"] = rule.When.Text,
                ["agent"] = result.Agent,
                ["issue"] = "#" + result.Issue.ToString(CultureInfo.InvariantCulture),
                ["client"] = result.Client ?? string.Empty,
                ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var issue = rule.FollowUp.Render(values, result.Client, new AutomationKey(AutomationKinds.Trigger, key));
            var tripped = new FormField("Trigger",
                $"{rule.Id}: {rule.When.Text} — {rule.When.Field} = {Number(value)}" + (previous is { } q ? $" (previously {Number(q)})" : string.Empty) + $", from #{result.Issue.ToString(CultureInfo.InvariantCulture)} ({result.Agent})");
            fires.Add(new TriggerFire(rule, key, value, previous, issue with { Fields = [tripped, .. issue.Fields] }));
        }

        return fires;
    }

    /// <summary>
    /// The rules <paramref name="result"/> may trip, for a caller that must not open follow-ups itself (an event job): every
    /// rule <see cref="Evaluate"/> would fire and, when <paramref name="result"/> carries no previous outputs, every change
    /// rule whose field it carries — whether those trip depends on the previous value, which the caller does not hold.
    /// Keys in <paramref name="fired"/> are skipped; each key once.
    /// </summary>
    public static IReadOnlyList<TriggerCandidate> Candidates(IReadOnlyList<ThresholdRule> rules, ObservedResult result, DateTimeOffset now, IReadOnlySet<string> fired)
    {
        var candidates = new List<TriggerCandidate>();
        foreach (var rule in rules)
        {
            if (ValueFor(rule, result) is not { } value)
            {
                continue;
            }

            var undecided = rule.When.NeedsPrevious && result.Previous is null;
            if (!undecided && !rule.When.Holds(value, rule.When.NeedsPrevious ? rule.When.Read(result.Previous) : null))
            {
                continue;
            }

            var key = Key(rule, result.Client, now);
            if (!fired.Contains(key) && candidates.TrueForAll(c => c.Key != key))
            {
                candidates.Add(new TriggerCandidate(rule, key, result.Issue, value));
            }
        }

        return candidates;
    }

    /// <summary><c>rule/client/window-start</c>; <c>-</c> stands for "no client".</summary>
    public static string Key(ThresholdRule rule, string? client, DateTimeOffset now)
    {
        var window = now.UtcTicks / rule.Cooldown.Ticks * rule.Cooldown.Ticks;
        var start = new DateTime(window, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"{rule.Id}/{client ?? "-"}/{start}";
    }

    // The rule's field in the result, when the rule watches the result's agent; null otherwise.
    private static double? ValueFor(ThresholdRule rule, ObservedResult result) =>
        rule.WatchAgent is { } watch && !string.Equals(watch, result.Agent, StringComparison.Ordinal) ? null : rule.When.Read(result.Outputs);

    private static string Number(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
