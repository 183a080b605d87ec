using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Support;

/// <summary>The time-based escalation rules that apply to a ticket of one severity: when each is due and whether it is reached.</summary>
internal static class TimeEscalation
{
    public static IReadOnlyList<(TimeEscalationRule Rule, DateTimeOffset Due, bool Reached)> For(string severity, DateTimeOffset opened, DateTimeOffset now, SupportRules rules) =>
        [.. rules.TimeRules.Where(r => r.Severity == "any" || r.Severity == severity)
            .Select(r => (r, opened.AddHours(r.AfterHours), now - opened >= TimeSpan.FromHours(r.AfterHours)))
            .OrderBy(x => x.Item2)];
}
