using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>
/// The SLA clock (issue 5): starts when the issue gets its priority; at risk at ≥ <see cref="SlaPolicy.AtRiskFraction"/>
/// of the target, breached strictly past it. Time waiting on a human approval is excluded — it counts against the
/// approval's own timeout instead.
/// </summary>
public static class SlaClock
{
    /// <summary>Reads the clock.</summary>
    /// <param name="prio">The priority.</param>
    /// <param name="priorityAt">When the issue got that priority.</param>
    /// <param name="humanWait">Total time spent waiting on humans so far (including a wait still running).</param>
    /// <param name="now">The decision's time.</param>
    /// <param name="p">The SLA policy.</param>
    public static SlaReading Evaluate(Priority prio, DateTimeOffset priorityAt, TimeSpan humanWait, DateTimeOffset now, SlaPolicy p)
    {
        var target = p.For(prio).Target;
        var elapsed = now - priorityAt - (humanWait > TimeSpan.Zero ? humanWait : TimeSpan.Zero);
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        var remaining = elapsed < target ? target - elapsed : TimeSpan.Zero;
        SlaState state;
        if (elapsed > target)
        {
            state = SlaState.Breached;
        }
        else if (elapsed.Ticks >= p.AtRiskFraction * target.Ticks)
        {
            state = SlaState.AtRisk;
        }
        else
        {
            state = SlaState.Ok;
        }

        return new SlaReading(state, elapsed, remaining, target);
    }

    /// <summary>The managers to mention on a breach: the policy's managers when the priority requires one (P0, P1 by default), else none.</summary>
    public static IReadOnlyList<string> ManagersToMention(Priority prio, SlaPolicy p) =>
        p.For(prio).RequiresManager ? p.Managers : [];

    /// <summary>
    /// Total human wait from the state marker: the finished waits (<paramref name="waitSeconds"/>) plus the wait still
    /// running since <paramref name="waitingSince"/>, if any (never negative).
    /// </summary>
    public static TimeSpan HumanWait(long waitSeconds, DateTimeOffset? waitingSince, DateTimeOffset now)
    {
        // The marker is ours, but a corrupt value must not throw: clamp to ten years.
        var total = TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, 10L * 366 * 24 * 3600));
        if (waitingSince is { } since && now > since)
        {
            total += now - since;
        }

        return total;
    }

    /// <summary>The <c>sla/*</c> label for a state: none, <c>sla/at-risk</c> or <c>sla/breached</c>.</summary>
    public static string? Label(SlaState state) => state switch
    {
        SlaState.AtRisk => LabelNames.SlaAtRisk,
        SlaState.Breached => LabelNames.SlaBreached,
        _ => null,
    };
}
