using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;

namespace BusinessOps.Core.Tests.Kpis;

/// <summary>Issues and facts with known values, for the KPI tests.</summary>
internal static class FactsSamples
{
    public const string Bot = BusinessOps.Core.BotIdentity.Login;

    public static readonly DateTimeOffset T0 = Some.Epoch;

    /// <summary>The coordinator's status comment with <paramref name="state"/> in its marker.</summary>
    public static IssueComment Status(long id, OpsState state, DateTimeOffset at, DateTimeOffset? edited = null) =>
        Some.Comment(id, Bot, "Status\n\n" + Markers.Format(state), at, edited ?? at, bot: true);

    /// <summary>An agent's result comment by the store identity.</summary>
    public static IssueComment Result(long id, string key, AgentOutcome outcome, decimal cost, DateTimeOffset at, string agent = AgentNames.Qa) =>
        Some.Comment(id, Bot, "Result\n\n" + Markers.Format(new ResultRecord(key, agent, outcome, 0.9, cost)), at, bot: true);

    public static AuditEntry Human(string who, string decision, DateTimeOffset at) => new(at, who, decision, "because");

    /// <summary>Facts with the given values and sensible defaults (processed, open, P2, the QA agent).</summary>
    public static IssueFacts Facts(
        int number,
        IssueStatus status = IssueStatus.Done,
        TimeSpan? created = null,
        TimeSpan? firstAction = null,
        TimeSpan? done = null,
        Priority? priority = Priority.P2,
        string? agent = AgentNames.Qa,
        string[]? clients = null,
        bool breached = false,
        bool human = false,
        int results = 1,
        int failed = 0,
        decimal cost = 0.01m,
        bool escalated = false,
        TimeSpan? waitingSince = null,
        string? origin = null,
        IssueState state = IssueState.Open)
    {
        var createdAt = T0 + (created ?? TimeSpan.Zero);
        DateTimeOffset? doneAt = done is { } d ? T0 + d : null;
        return new IssueFacts(
            number,
            "Issue " + number,
            state,
            status,
            priority,
            agent,
            clients ?? [],
            createdAt,
            doneAt ?? createdAt,
            firstAction is { } f ? T0 + f : createdAt + TimeSpan.FromMinutes(1),
            doneAt,
            breached,
            escalated,
            human,
            results,
            failed,
            cost,
            1,
            waitingSince is { } w ? T0 + w : null,
            Origin: origin);
    }
}
