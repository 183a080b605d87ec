using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>
/// Onboarding by <c>customer-success.yml</c>: the first segment whose bounds all hold (or whose primary use matches) and
/// its day-by-day sequence; the intervention triggers due by <c>day</c> for milestones not reached.
/// </summary>
internal static class Onboarding
{
    public static OnboardingSegment Segment(int employees, decimal monthlyUsd, string primaryUse, CustomerSuccessRules rules) =>
        rules.Segments.FirstOrDefault(s => s.PrimaryUse is { } use
                ? primaryUse.Contains(use, StringComparison.OrdinalIgnoreCase)
                : (s.MaxEmployees is null || employees <= s.MaxEmployees) && (s.MinEmployees is null || employees >= s.MinEmployees)
                    && (s.MaxMonthlyUsd is null || monthlyUsd <= s.MaxMonthlyUsd) && (s.MinMonthlyUsd is null || monthlyUsd >= s.MinMonthlyUsd)
                    && (s.MaxEmployees ?? s.MinEmployees ?? (object?)s.MaxMonthlyUsd ?? s.MinMonthlyUsd) is not null)
        ?? rules.Segments[^1];

    public static IReadOnlyList<InterventionTrigger> Due(OnboardingSegment segment, int day, IReadOnlySet<string> reached, CustomerSuccessRules rules)
    {
        var milestones = segment.Sequence.Select(s => s.Milestone).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. rules.Triggers.Where(t => milestones.Contains(t.Milestone) && day >= t.ByDay && !reached.Contains(t.Milestone))];
    }
}
