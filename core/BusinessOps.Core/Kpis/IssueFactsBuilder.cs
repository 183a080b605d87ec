using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Kpis;

/// <summary>
/// The one builder of <see cref="IssueFacts"/>: reads an issue's labels, its status marker and its trusted result markers
/// (comments by <c>identity</c> only — a marker pasted by a person counts for nothing). Pure; every index (SQLite table,
/// GitHub snapshot index, an in-memory listing) builds its rows here.
/// </summary>
public static class IssueFactsBuilder
{
    /// <summary>Actor of the decisions the coordinator makes on its own (see the decision steps' audit entries).</summary>
    private const string Coordinator = "coordinator";

    public static IssueFacts From(IssueSnapshot issue, string identity)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var history = IssueHistory.Read(issue, identity, DispatchPolicy.Default);
        var state = history.State;
        var status = StatusOf(issue.Labels) ?? (history.StatusComment is not null ? state.Status : IssueStatus.New);
        var results = history.Results;
        var failed = 0;
        DateTimeOffset? completedAt = null;
        DateOnly? costDay = null;
        var costOnDay = 0m;
        foreach (var (record, comment) in results)
        {
            if (record.CostUsd > 0)
            {
                var day = DateOnly.FromDateTime(comment.CreatedAt.UtcDateTime);
                if (costDay is null || day > costDay)
                {
                    (costDay, costOnDay) = (day, record.CostUsd);
                }
                else if (day == costDay)
                {
                    costOnDay += record.CostUsd;
                }
            }

            if (record.Outcome == AgentOutcome.Failed)
            {
                failed++;
            }
            else if (record.Outcome == AgentOutcome.Completed)
            {
                completedAt = comment.CreatedAt;
            }
        }

        var firstAction = history.StatusComment?.CreatedAt ?? (results.Count > 0 ? results[0].Comment.CreatedAt : null);
        DateTimeOffset? doneAt = status == IssueStatus.Done ? completedAt ?? history.StatusComment?.UpdatedAt ?? issue.UpdatedAt : null;
        var waiting = status is IssueStatus.AwaitingApproval or IssueStatus.AwaitingDecision
            ? state.WaitingSince ?? state.PlanAt ?? history.StatusComment?.UpdatedAt ?? issue.UpdatedAt
            : (DateTimeOffset?)null;
        var audit = state.Audit ?? [];
        var dashboard = State.DashboardIssue.Is(issue, identity);
        return new IssueFacts(
            issue.Number,
            Decisions.Text.Bound(issue.Title.ReplaceLineEndings(" "), IssueFacts.MaxTitle),
            issue.State,
            status,
            PriorityOf(issue.Labels) ?? state.Priority,
            state.Agent ?? (results.Count > 0 ? results[^1].Record.Agent : null) ?? AgentLabel(issue.Labels),
            LabelView.ClientsOf(issue.Labels),
            issue.CreatedAt,
            issue.UpdatedAt,
            firstAction,
            doneAt,
            issue.HasLabel(LabelNames.SlaBreached),
            status == IssueStatus.Escalated || state.Override == State.Override.Escalated || audit.Any(a => a.Decision == "escalated"),
            audit.Any(IsHuman),
            results.Count,
            failed,
            history.StateValid ? state.CostUsd : results.Sum(r => r.Record.CostUsd),
            state.Attempt,
            waiting,
            state.DispatchedAt,
            state.Executor,
            dashboard ? DashboardMarker.Origin : State.EffectWorkItem.OpenedByEffect(issue, identity) ? State.EffectWorkItem.Origin : AutomationOrigin.Read(issue.Body),
            costDay,
            costOnDay,
            dashboard ? DashboardMarker.Read(issue.Body) : null,
            dashboard ? DashboardMarker.Hash(issue.Body) : null);
    }

    /// <summary>A decision a person made (not the coordinator, not a refused or ignored command).</summary>
    private static bool IsHuman(Governance.AuditEntry entry) =>
        !string.Equals(entry.Actor, Coordinator, StringComparison.Ordinal)
        && !entry.Decision.StartsWith("refused", StringComparison.Ordinal)
        && !entry.Decision.StartsWith("ignored", StringComparison.Ordinal);

    private static IssueStatus? StatusOf(IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
        {
            if (LabelNames.TryParseStatus(label, out var status))
            {
                return status;
            }
        }

        return null;
    }

    private static Priority? PriorityOf(IReadOnlyList<string> labels)
    {
        Priority? best = null;
        foreach (var label in labels)
        {
            if (LabelNames.TryParsePriority(label, out var p) && (best is null || p < best))
            {
                best = p;
            }
        }

        return best;
    }

    private static string? AgentLabel(IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
        {
            if (label.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase) && AgentNames.TryNormalize(label[LabelNames.AgentPrefix.Length..], out var agent))
            {
                return agent;
            }
        }

        return null;
    }
}
