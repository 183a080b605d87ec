using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// The running totals of one <see cref="KpiSnapshot"/>: what <see cref="KpiCalculator"/> adds issue by issue, and what a
/// store that aggregates in its own query (SQLite) adds group by group — one set of rules for the slices, the attention
/// list and the measures, whichever way the rows arrive. Not thread-safe; one per computation.
/// </summary>
public sealed class KpiTally
{
    /// <summary>The question, its period and targets.</summary>
    private readonly KpiQuery _query;

    /// <summary>Every worked issue of the period.</summary>
    private readonly SliceCounter _overall = new();

    /// <summary>Worked issues by agent, priority and client, keyed as the snapshot shows them.</summary>
    private readonly SortedDictionary<string, SliceCounter> _byAgent = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SliceCounter> _byPriority = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SliceCounter> _byClient = new(StringComparer.Ordinal);

    /// <summary>Worked issues by the day they count on (done in the period: that day; else the first action's).</summary>
    private readonly SliceCounter[] _days;

    /// <summary>Open issues that need a person, before ordering and the bound.</summary>
    private readonly List<AttentionItem> _attention = [];

    /// <summary>Ages of the approvals and decisions waiting, for their percentiles.</summary>
    private readonly List<double> _waits = [];

    private int _issues;
    private int _approvals;
    private int _decisions;
    private int _scheduled;
    private int _completed;

    public KpiTally(KpiQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _days = new SliceCounter[query.Period.Days];
        for (var i = 0; i < _days.Length; i++)
        {
            _days[i] = new SliceCounter();
        }
    }

    /// <summary>Counts issues of the index (all time) that belong to the query: not the dashboard, the client's when limited.</summary>
    public void AddIssues(int count) => _issues += count;

    /// <summary>Counts issues a schedule or a workflow opened in the period, <paramref name="completed"/> of them done.</summary>
    public void AddScheduled(int count, int completed)
    {
        _scheduled += count;
        _completed += completed;
    }

    /// <summary>Lists <paramref name="facts"/> when it is open and needs a person now; false when it does not.</summary>
    public bool AddAttention(IssueFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.State != IssueState.Open || Attention(facts, _query.Now) is not { } item)
        {
            return false;
        }

        _attention.Add(item);
        _approvals += item.Kind == AttentionKind.Approval ? 1 : 0;
        _decisions += item.Kind == AttentionKind.Decision ? 1 : 0;
        if (item.Kind is AttentionKind.Approval or AttentionKind.Decision)
        {
            _waits.Add(item.AgeSeconds);
        }

        return true;
    }

    /// <summary>Counts a group of issues worked on during the period in every slice it belongs to.</summary>
    public void AddWorked(KpiGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        _overall.Add(group);
        Slice(_byAgent, group.Agent ?? KpiCalculator.None).Add(group);
        Slice(_byPriority, group.Priority?.ToString() ?? KpiCalculator.None).Add(group);
        if (group.Clients.Count == 0)
        {
            Slice(_byClient, KpiCalculator.Internal).Add(group);
        }

        foreach (var c in group.Clients)
        {
            Slice(_byClient, c).Add(group);
        }

        _days[Math.Clamp(group.Day, 0, _days.Length - 1)].Add(group);
    }

    /// <summary>The snapshot, with the percentiles of the times to first action and to done computed by the caller.</summary>
    public KpiSnapshot ToSnapshot(DurationStats timeToFirstAction, DurationStats timeToDone)
    {
        ArgumentNullException.ThrowIfNull(timeToFirstAction);
        ArgumentNullException.ThrowIfNull(timeToDone);
        var period = _query.Period;
        var totals = _overall.ToSlice();
        var targets = _query.Targets;
        var ordered = _attention.OrderBy(a => a.Kind).ThenBy(a => a.Priority ?? Priority.P3).ThenBy(a => a.Since).ThenBy(a => a.Number).ToList();
        return new KpiSnapshot
        {
            Period = period.Name,
            From = period.From,
            To = period.To,
            Client = _query.Client?.ToLowerInvariant(),
            Targets = targets,
            Issues = _issues,
            Overall = totals,
            Measures =
            [
                new KpiMeasure("automationRate", "Automation rate", totals.AutomationRate, targets.AutomationRate, Above: true),
                new KpiMeasure("slaCompliance", "SLA compliance", totals.SlaCompliance, targets.SlaCompliance, Above: true),
                new KpiMeasure("errorRate", "Error rate", totals.ErrorRate, targets.ErrorRate, Above: false),
            ],
            TimeToFirstAction = timeToFirstAction,
            TimeToDone = timeToDone,
            Pending = new PendingApprovals(_approvals, _decisions, DurationStats.Of(_waits), _waits.Count == 0 ? null : _waits.Max()),
            Workflows = new WorkflowTally(_scheduled, _completed),
            ByAgent = Freeze(_byAgent),
            ByPriority = Freeze(_byPriority),
            ByClient = Freeze(_byClient),
            ByDay = [.. _days.Select((d, i) => new DaySlice(DateOnly.FromDateTime(period.From.UtcDateTime.AddDays(i)), d.ToSlice()))],
            Attention = [.. ordered.Take(KpiCalculator.MaxAttention)],
            AttentionTotal = ordered.Count,
        };
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
        return new AttentionItem(facts.Number, facts.Title, k, since, KpiCalculator.Seconds(now - since), facts.Agent, facts.Priority, facts.Clients);
    }

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
