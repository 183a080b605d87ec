namespace BusinessOps.Core.Labels;

/// <summary>The label vocabulary of ARCHITECTURE.md §3, built in one place.</summary>
public static class LabelNames
{
    public const string PriorityPrefix = "priority/";
    public const string StatusPrefix = "status/";
    public const string SlaPrefix = "sla/";
    public const string AutonomyPrefix = "autonomy/";
    public const string ClientPrefix = "client/";
    public const string AgentPrefix = "agent/";
    public const string SlaAtRisk = "sla/at-risk";
    public const string SlaBreached = "sla/breached";
    public const string ReviewRequested = "review/requested";

    private static readonly (IssueStatus Status, string Label)[] StatusLabels =
    [
        (IssueStatus.Queued, "status/queued"),
        (IssueStatus.InProgress, "status/in-progress"),
        (IssueStatus.AwaitingApproval, "status/awaiting-approval"),
        (IssueStatus.AwaitingDecision, "status/awaiting-decision"),
        (IssueStatus.Done, "status/done"),
        (IssueStatus.Failed, "status/failed"),
        (IssueStatus.Escalated, "status/escalated"),
        (IssueStatus.NeedsTriage, "status/needs-triage"),
        (IssueStatus.OnHold, "status/on-hold"),
    ];

    /// <summary>Every status label, in lifecycle order.</summary>
    public static IReadOnlyList<string> AllStatuses { get; } = [.. StatusLabels.Select(s => s.Label)];

    public static string For(Priority priority) => PriorityPrefix + priority.ToString();

    public static string For(IssueStatus status)
    {
        foreach (var (s, label) in StatusLabels)
        {
            if (s == status)
            {
                return label;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(status), status, "status/new has no label");
    }

    public static bool TryParseStatus(string label, out IssueStatus status)
    {
        foreach (var (s, l) in StatusLabels)
        {
            if (string.Equals(l, label, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = IssueStatus.New;
        return false;
    }

    public static bool TryParsePriority(string label, out Priority priority)
    {
        priority = Priority.P3;
        if (!label.StartsWith(PriorityPrefix, StringComparison.OrdinalIgnoreCase) || label.Length != PriorityPrefix.Length + 2)
        {
            return false;
        }

        var p = label[PriorityPrefix.Length..];
        if ((p[0] is 'P' or 'p') && p[1] is >= '0' and <= '3')
        {
            priority = (Priority)(p[1] - '0');
            return true;
        }

        return false;
    }
}
