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
        var overall = new SliceCounter();
        var byAgent = new SortedDictionary<string, SliceCounter>(StringComparer.Ordinal);
        var byPriority = new SortedDictionary<string, SliceCounter>(StringComparer.Ordinal);
        var byClient = new SortedDictionary<string, SliceCounter>(StringComparer.Ordinal);
        var days = new SliceCounter[period.Days];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = new SliceCounter();
        }

        var firstAction = new List<double>();
        var toDone = new List<double>();
        var waits = new List<double>();
        var attention = new List<AttentionItem>();
        int issues = 0, approvals = 0, decisions = 0, scheduled = 0, completed = 0;
        foreach (var facts in index)
        {
            if (facts.IsDashboard || (query.Client is { } client && !facts.IsFor(client)))
            {
                continue;
            }

            issues++;
            if (facts.State == IssueState.Open && Attention(facts, query.Now) is { } item)
            {
                attention.Add(item);
                approvals += item.Kind == AttentionKind.Approval ? 1 : 0;
                decisions += item.Kind == AttentionKind.Decision ? 1 : 0;
                if (item.Kind is AttentionKind.Approval or AttentionKind.Decision)
                {
                    waits.Add(item.AgeSeconds);
                }
            }

            if (facts.Origin is AutomationOrigin.Slot or AutomationOrigin.Workflow && period.Contains(facts.CreatedAt))
            {
                scheduled++;
                completed += facts.Status == IssueStatus.Done ? 1 : 0;
            }

            if (period.Contains(facts.FirstActionAt))
            {
                firstAction.Add(Seconds(facts.FirstActionAt!.Value - facts.CreatedAt));
            }

            if (!InPeriod(facts, period))
            {
                continue;
            }

            var done = period.Contains(facts.DoneAt);
            if (done)
            {
                toDone.Add(Seconds(facts.DoneAt!.Value - facts.CreatedAt));
            }

            overall.Add(facts, done);
            Slice(byAgent, facts.Agent ?? None).Add(facts, done);
            Slice(byPriority, facts.Priority?.ToString() ?? None).Add(facts, done);
            if (facts.Clients.Count == 0)
            {
                Slice(byClient, Internal).Add(facts, done);
            }

            foreach (var c in facts.Clients)
            {
                Slice(byClient, c).Add(facts, done);
            }

            days[DayIndex(period, (done ? facts.DoneAt : facts.FirstActionAt) ?? facts.CreatedAt)].Add(facts, done);
        }

        var totals = overall.ToSlice();
        var targets = query.Targets;
        var ordered = attention.OrderBy(a => a.Kind).ThenBy(a => a.Priority ?? Priority.P3).ThenBy(a => a.Since).ThenBy(a => a.Number).ToList();
        return new KpiSnapshot
        {
            Period = period.Name,
            From = period.From,
            To = period.To,
            Client = query.Client?.ToLowerInvariant(),
            Targets = targets,
            Issues = issues,
            Overall = totals,
            Measures =
            [
                new KpiMeasure("automationRate", "Automation rate", totals.AutomationRate, targets.AutomationRate, Above: true),
                new KpiMeasure("slaCompliance", "SLA compliance", totals.SlaCompliance, targets.SlaCompliance, Above: true),
                new KpiMeasure("errorRate", "Error rate", totals.ErrorRate, targets.ErrorRate, Above: false),
            ],
            TimeToFirstAction = DurationStats.Of(firstAction),
            TimeToDone = DurationStats.Of(toDone),
            Pending = new PendingApprovals(approvals, decisions, DurationStats.Of(waits), waits.Count == 0 ? null : waits.Max()),
            Workflows = new WorkflowTally(scheduled, completed),
            ByAgent = Freeze(byAgent),
            ByPriority = Freeze(byPriority),
            ByClient = Freeze(byClient),
            ByDay = [.. days.Select((d, i) => new DaySlice(DateOnly.FromDateTime(period.From.UtcDateTime.AddDays(i)), d.ToSlice()))],
            Attention = [.. ordered.Take(MaxAttention)],
            AttentionTotal = ordered.Count,
        };
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

    private static AttentionItem? Attention(IssueFacts facts, DateTimeOffset now)
    {
        AttentionKind? kind = facts.Status switch
        {
            IssueStatus.AwaitingApproval => AttentionKind.Approval,
            IssueStatus.AwaitingDecision => AttentionKind.Decision,
            IssueStatus.Escalated => AttentionKind.Escalation,
            IssueStatus.NeedsTriage => AttentionKind.Triage,
            IssueStatus.Done => null,
            _ => facts.SlaBreached ? AttentionKind.Breach : null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        var since = facts.WaitingSince ?? facts.UpdatedAt;
        return new AttentionItem(facts.Number, facts.Title, k, since, Math.Max(0, Seconds(now - since)), facts.Agent, facts.Priority, facts.Clients);
    }

    private static int DayIndex(KpiPeriod period, DateTimeOffset at)
    {
        var index = (int)(at.UtcDateTime.Date - period.From.UtcDateTime.Date).TotalDays;
        return Math.Clamp(index, 0, period.Days - 1);
    }

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);

    private static SliceCounter Slice(SortedDictionary<string, SliceCounter> slices, string key)
    {
        if (!slices.TryGetValue(key, out var counter))
        {
            slices[key] = counter = new SliceCounter();
        }

        return counter;
    }

    private static SortedDictionary<string, KpiSlice> Freeze(SortedDictionary<string, SliceCounter> slices)
    {
        var frozen = new SortedDictionary<string, KpiSlice>(StringComparer.Ordinal);
        foreach (var (key, counter) in slices)
        {
            frozen[key] = counter.ToSlice();
        }

        return frozen;
    }
}
