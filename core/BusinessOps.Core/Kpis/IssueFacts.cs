using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// One row of the compact per-issue index the KPIs are computed from: what the labels and the coordinator's own
/// markers say about one issue, a few hundred bytes, no body and no comments. Built by <see cref="IssueFactsBuilder"/>
/// only, so every store's index holds the same values; <see cref="UpdatedAt"/> is the stamp an index compares to know a
/// row is stale. Bump <see cref="Version"/> when the builder's reading changes, so stored rows are rebuilt.
/// </summary>
/// <param name="Number">The issue number.</param>
/// <param name="Title">The title, bounded to <see cref="MaxTitle"/> characters (untrusted text: escape where shown).</param>
/// <param name="State">Open or closed.</param>
/// <param name="Status">The <c>status/*</c> label; <see cref="IssueStatus.New"/> when the coordinator never touched it.</param>
/// <param name="Priority">The most urgent <c>priority/*</c> label, else the priority the SLA clock runs for.</param>
/// <param name="Agent">The agent of the status marker, else of the last trusted result, else the <c>agent/*</c> label; null when unrouted.</param>
/// <param name="Clients">Client ids of its <c>client/*</c> labels, lower case.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="UpdatedAt">When it last changed (the index's staleness stamp).</param>
/// <param name="FirstActionAt">When the coordinator first wrote on it (its status comment was posted).</param>
/// <param name="DoneAt">When it reached <c>status/done</c>: the last trusted completed result, else the status comment's last edit.</param>
/// <param name="SlaBreached">Carries <c>sla/breached</c>.</param>
/// <param name="Escalated">Escalated at some point (label, a human's <c>/escalate</c>, or the audit trail).</param>
/// <param name="HumanCommand">A person acted on it (approved, rejected, decided, retried, held, re-prioritised…): not automated.</param>
/// <param name="Results">Trusted agent results recorded (one per dispatch that finished).</param>
/// <param name="FailedResults">Of those, failed ones.</param>
/// <param name="CostUsd">What its executions cost, USD (the status marker's total).</param>
/// <param name="Attempt">The current attempt number (0 before the first dispatch).</param>
/// <param name="WaitingSince">Awaiting a human (approval or decision) since, when it is.</param>
/// <param name="DispatchedAt">When the dispatch of the current key was recorded.</param>
/// <param name="Executor">Where that dispatch ran.</param>
/// <param name="Origin">What opened it automatically (<c>slot</c>, <c>workflow</c>, <c>workflow-child</c>, <c>feed</c>, <c>trigger</c>), from its body's automation marker; <c>dashboard</c> for the dashboard issue; <c>effect</c> for an issue an approved effect opened (a task for people, <see cref="EffectWorkItem"/>).</param>
/// <param name="CostDay">The last UTC day a result with a cost was recorded.</param>
/// <param name="CostOnDay">What the results of <paramref name="CostDay"/> cost (today's spend, when that day is today).</param>
/// <param name="Board">The dashboard issue only: the state in its marker (open alerts, last write).</param>
/// <param name="BodyHash">The dashboard issue only: a hash of its body, to know without reading it whether it must be rewritten.</param>
public sealed record IssueFacts(
    int Number,
    string Title,
    IssueState State,
    IssueStatus Status,
    Priority? Priority,
    string? Agent,
    IReadOnlyList<string> Clients,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstActionAt = null,
    DateTimeOffset? DoneAt = null,
    bool SlaBreached = false,
    bool Escalated = false,
    bool HumanCommand = false,
    int Results = 0,
    int FailedResults = 0,
    decimal CostUsd = 0m,
    int Attempt = 0,
    DateTimeOffset? WaitingSince = null,
    DateTimeOffset? DispatchedAt = null,
    ExecutorKind? Executor = null,
    string? Origin = null,
    DateOnly? CostDay = null,
    decimal CostOnDay = 0m,
    DashboardState? Board = null,
    string? BodyHash = null)
{
    /// <summary>The reading of the builder; stored rows of another version are rebuilt.</summary>
    public const int Version = 2;

    /// <summary>Longest title kept in the index.</summary>
    public const int MaxTitle = 120;

    /// <summary>True once the coordinator acted on the issue (it has a status); never for the dashboard.</summary>
    public bool Processed => (Status != IssueStatus.New || FirstActionAt is not null) && !IsDashboard;

    /// <summary>The operations dashboard issue itself (not an operation).</summary>
    public bool IsDashboard => Origin == DashboardMarker.Origin;

    /// <summary>A task an approved effect opened for people that nobody routed: not untriaged work, the coordinator leaves it alone.</summary>
    public bool IsTask => Status == IssueStatus.New && Origin == EffectWorkItem.Origin;

    /// <summary>True for an issue that belongs to <paramref name="client"/> (ids compare case-insensitively).</summary>
    public bool IsFor(string client) => Includes(Clients, client);

    /// <summary>True when <paramref name="clients"/> (an issue's client ids) include <paramref name="client"/>, case-insensitively.</summary>
    public static bool Includes(IReadOnlyList<string> clients, string client)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var c in clients)
        {
            if (string.Equals(c, client, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
