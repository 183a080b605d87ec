using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Policies;

/// <summary><c>policies/sla.yml</c>: resolution targets per priority, the at-risk threshold, who is told.</summary>
public sealed record SlaPolicy(
    IReadOnlyDictionary<Priority, SlaTarget> Targets,
    Priority DefaultPriority,
    double AtRiskFraction,
    IReadOnlyList<string> Managers)
{
    public static SlaPolicy Default { get; } = new(
        new Dictionary<Priority, SlaTarget>
        {
            [Priority.P0] = new(TimeSpan.FromHours(1), RequiresManager: true),
            [Priority.P1] = new(TimeSpan.FromHours(4), RequiresManager: true),
            [Priority.P2] = new(TimeSpan.FromHours(24), RequiresManager: false),
            [Priority.P3] = new(TimeSpan.FromHours(72), RequiresManager: false),
        },
        Priority.P2,
        0.75,
        []);

    public SlaTarget For(Priority priority) => Targets.TryGetValue(priority, out var t) ? t : new SlaTarget(TimeSpan.FromHours(72), false);
}

/// <summary>An SLA: resolve within <see cref="Target"/>; <see cref="RequiresManager"/> mentions managers on breach.</summary>
public sealed record SlaTarget(TimeSpan Target, bool RequiresManager);
