using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// The one implementation of the KPIs (issue 14): one pass over the per-issue index, pure. An issue belongs to the
/// period (<see cref="KpiPeriod"/>: whole UTC days) when the coordinator worked on it during it — first acted on by the period's end, and done (or, when not
/// done, last updated; still open: now) at or after its start. Done, automation and time to done count issues done in
/// the period; time to first action counts issues first acted on in it; SLA compliance is done-within-SLA over done
/// plus breached; error rate is failed results over results; cost per operation is cost over processed issues.
/// The totals are kept by <see cref="KpiTally"/>, which a store aggregating in SQL feeds by groups instead of issues.
/// </summary>
public static class KpiCalculator
{
    /// <summary>Most attention items a snapshot carries (the dashboard and reports show them all).</summary>
    public const int MaxAttention = 50;

    /// <summary>The slice key of issues for no client.</summary>
    public const string Internal = "(internal)";

    /// <summary>The slice key of issues with no priority or agent.</summary>
    public const string None = "none";

    public static KpiSnapshot Compute(IEnumerable<IssueFacts> index, KpiQuery query)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        var period = query.Period;
        var tally = new KpiTally(query);
        var firstAction = new List<double>();
        var toDone = new List<double>();
        foreach (var facts in index)
        {
            if (facts.IsDashboard || (query.Client is { } client && !facts.IsFor(client)))
            {
                continue;
            }

            tally.AddIssues(1);
            tally.AddAttention(facts);
            if (IsScheduled(facts, period))
            {
                tally.AddScheduled(1, facts.Status == IssueStatus.Done ? 1 : 0);
            }

            if (period.Contains(facts.FirstActionAt))
            {
                firstAction.Add(Seconds(facts.FirstActionAt!.Value - facts.CreatedAt));
            }

            if (KpiGroup.Of(facts, period) is not { } group)
            {
                continue;
            }

            if (group.Done)
            {
                toDone.Add(Seconds(facts.DoneAt!.Value - facts.CreatedAt));
            }

            tally.AddWorked(group);
        }

        return tally.ToSnapshot(DurationStats.Of(firstAction), DurationStats.Of(toDone));
    }

    /// <summary>Worked on during the period: first acted on by its end, and finished (or still going) at or after its start.</summary>
    public static bool InPeriod(IssueFacts facts, KpiPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        if (!facts.Processed || (facts.FirstActionAt ?? facts.CreatedAt) > period.To)
        {
            return false;
        }

        var end = facts.DoneAt ?? (facts.State == IssueState.Open ? period.To : facts.UpdatedAt);
        return end >= period.From;
    }

    /// <summary>Opened in the period by a schedule slot or as a workflow's parent (the work that was scheduled).</summary>
    public static bool IsScheduled(IssueFacts facts, KpiPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        return facts.Origin is AutomationOrigin.Slot or AutomationOrigin.Workflow && period.Contains(facts.CreatedAt);
    }

    /// <summary>A duration in seconds, never negative (clocks of different writers may disagree).</summary>
    public static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);
}
