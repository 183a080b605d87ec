using System.Globalization;
using System.Text;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Renders the one status comment per issue. Deterministic: the same state always renders the same text
/// (the SLA shows a due time, not a countdown), so an unchanged issue costs no write.
/// </summary>
public static class StatusComment
{
    public const string Heading = "### BusinessOps status";

    public static string Render(OpsState state, int issue, PolicySet policies, IReadOnlyList<string> clients)
    {
        var rows = new List<(string Name, string Value)>();
        void Row(string name, string value) => rows.Add((name, value));
        Row("Status", state.Status == IssueStatus.New ? "new" : Text.Code(LabelNames.For(state.Status)));
        if (state.Agent is not null)
        {
            Row("Agent", Text.Code(state.Agent));
        }

        if (state.Priority is { } priority)
        {
            var target = policies.Sla.For(priority).Target;
            var due = (state.PriorityAt ?? DateTimeOffset.UnixEpoch) + target + TimeSpan.FromSeconds(state.WaitSeconds);
            Row("Priority", $"{priority} — SLA {Durations.Words(target)}, due {Text.Time(due)}");
        }

        if (clients.Count > 0)
        {
            Row("Client", string.Join(", ", clients.Select(Text.Code)));
        }

        if (state.Key is not null)
        {
            var phase = IdempotencyKey.Name(state.Phase ?? DispatchPhase.Plan);
            var via = state.Executor is { } executor ? " via " + Name(executor) : string.Empty;
            Row("Attempt", string.Create(CultureInfo.InvariantCulture, $"{state.Attempt} ({phase}) — {Text.Code(state.Key)}{via}{(state.ExternalId is null ? string.Empty : " " + Text.Code(state.ExternalId))}"));
        }

        if (state.Failures > 0)
        {
            Row("Consecutive failures", state.Failures.ToString(CultureInfo.InvariantCulture) + (state.NotBefore is { } nb && state.Status == IssueStatus.Failed ? $" — next attempt not before {Text.Time(nb)}" : string.Empty));
        }

        if (state.Summary is not null)
        {
            Row("Last result", Text.Inline(state.Summary));
        }

        if (state.Triage is not null)
        {
            Row("Needs triage", Text.Inline(state.Triage));
        }

        if (state.Level is { } level)
        {
            Row("Autonomy", level switch { AutonomyLevel.L1 => "L1 — execute & report", AutonomyLevel.L2 => "L2 — execute with approval", _ => "L3 — decision support only" });
        }

        // The plan row is for plans a human looks at; a plan that executed and reported has nothing to approve.
        if (state.PlanHash is not null && state.Gate != GateDecision.ExecuteAndReport)
        {
            Row("Plan", Text.Code(state.PlanHash) + (state.PlanAt is { } at ? " posted " + Text.Time(at) : string.Empty));
        }

        if (state.Approvals is not null)
        {
            Row("Approvals", state.Approvals.Replace("\n", " ", StringComparison.Ordinal));
        }

        if (state.CostUsd > 0)
        {
            Row("Cost", "$" + state.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        var audit = state.Audit is { Count: > 0 } entries ? AuditTrail.Format(entries) : null;
        var sb = new StringBuilder(512);
        sb.Append(Heading).Append("\n\n| | |\n|---|---|\n");
        foreach (var (name, value) in rows)
        {
            sb.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
        }

        if (audit is not null)
        {
            sb.Append("\n<details><summary>Audit trail</summary>\n\n").Append(audit).Append("\n</details>\n");
        }

        sb.Append("\n<sub>Steer me with a comment: `/approve`, `/reject`, `/retry`, `/hold`, `/unhold`, `/cancel`, `/priority P0..P3`, `/escalate`, `/agent ai-<name>-agent`.</sub>");

        // The cells are Markdown this class composed from neutralized parts; the marker stays out of the business's wording.
        var model = new Dictionary<string, object?>
        {
            ["issue"] = issue,
            ["rows"] = rows.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["value"] = new CommentMarkup(r.Value) }).ToList(),
            ["audit"] = audit is null ? null : new CommentMarkup(audit),
        };
        return policies.Wording.Render(CommentNames.Status, model, sb.ToString()).TrimEnd() + "\n\n" + Markers.Format(state);
    }

    private static string Name(ExecutorKind executor) => executor switch
    {
        ExecutorKind.Lambda => "lambda",
        ExecutorKind.Batch => "batch",
        _ => "local",
    };
}
