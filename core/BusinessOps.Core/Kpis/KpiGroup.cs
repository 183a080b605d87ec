using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// Issues worked on during a period that fall in the same slices (agent, priority, clients, day) and count the same way
/// (done in the period, a person acted, breached, escalated), with their summed results and cost: what the calculator
/// tallies. One issue is a group of one (<see cref="Of"/>); a store that aggregates in SQL hands over whole groups.
/// </summary>
/// <param name="Agent">The agent, null when unrouted.</param>
/// <param name="Priority">The priority, null when none.</param>
/// <param name="Clients">Client ids, lower case (none: internal).</param>
/// <param name="Day">Index of the period's day it counts on (0 = first).</param>
/// <param name="Done">Reached done within the period.</param>
/// <param name="Human">A person acted on them (not automated).</param>
/// <param name="Breached">Carry <c>sla/breached</c>.</param>
/// <param name="Escalated">Were escalated.</param>
/// <param name="Count">Issues in the group.</param>
/// <param name="Results">Their trusted agent results.</param>
/// <param name="FailedResults">Of those, failed ones.</param>
/// <param name="CostUsd">What their executions cost, USD.</param>
public sealed record KpiGroup(
    string? Agent,
    Priority? Priority,
    IReadOnlyList<string> Clients,
    int Day,
    bool Done,
    bool Human,
    bool Breached,
    bool Escalated,
    int Count,
    int Results,
    int FailedResults,
    decimal CostUsd)
{
    /// <summary>The group of one of <paramref name="facts"/>, or null when the issue was not worked on during <paramref name="period"/>.</summary>
    public static KpiGroup? Of(IssueFacts facts, KpiPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        if (!KpiCalculator.InPeriod(facts, period))
        {
            return null;
        }

        var done = period.Contains(facts.DoneAt);
        var day = DayIndex(period, (done ? facts.DoneAt : facts.FirstActionAt) ?? facts.CreatedAt);
        return new KpiGroup(facts.Agent, facts.Priority, facts.Clients, day, done, facts.HumanCommand, facts.SlaBreached, facts.Escalated, 1, facts.Results, facts.FailedResults, facts.CostUsd);
    }

    /// <summary>The day of <paramref name="period"/> that <paramref name="at"/> falls on (UTC), clamped to the period.</summary>
    public static int DayIndex(KpiPeriod period, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(period);
        var index = (int)(at.UtcDateTime.Date - period.From.UtcDateTime.Date).TotalDays;
        return Math.Clamp(index, 0, period.Days - 1);
    }
}
