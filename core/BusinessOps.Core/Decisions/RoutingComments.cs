using BusinessOps.Core.Comments;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes of routing: labels it cannot read, agents it cannot choose between, an agent switched off, priorities.</summary>
internal static class RoutingComments
{
    /// <summary><c>routing-unknown-labels</c>: labels (code spans), count.</summary>
    public static CommentText UnknownLabels(IReadOnlyList<string> bad)
    {
        var labels = string.Join(", ", bad.Select(Text.Code));
        return new(
            CommentNames.RoutingUnknownLabels,
            new Dictionary<string, object?> { ["labels"] = new CommentMarkup(labels), ["count"] = bad.Count },
            $"I can't act on this issue: {labels} {(bad.Count == 1 ? "is not a label I understand" : "are not labels I understand")}. "
            + "Expected forms: `priority/P0`…`priority/P3`, `client/<id>` (letters, digits, `-`), `agent/ai-<name>-agent`, and the `status/*` labels I manage. Fix or remove the label and I will pick the issue up on the next pass.");
    }

    /// <summary><c>routing-agent-conflict</c>: labels (the <c>agent/…</c> labels as code spans).</summary>
    public static CommentText AgentConflict(IEnumerable<string> agentLabels)
    {
        var named = string.Join(", ", agentLabels.Select(Text.Code));
        return new(
            CommentNames.RoutingAgentConflict,
            new Dictionary<string, object?> { ["labels"] = new CommentMarkup(named) },
            $"This issue names more than one agent ({named}). Keep exactly one `agent/…` label and I will route it.");
    }

    /// <summary><c>routing-no-label</c>: labels and families (the routing rules' patterns as code spans).</summary>
    public static CommentText NoLabel(IEnumerable<string> exact, IEnumerable<string> families)
    {
        var (e, f) = (string.Join(", ", exact.Select(Text.Code)), string.Join(", ", families.Select(Text.Code)));
        return new(
            CommentNames.RoutingNoLabel,
            new Dictionary<string, object?> { ["labels"] = new CommentMarkup(e), ["families"] = new CommentMarkup(f) },
            $"I can't tell which agent should handle this issue: it has no routing label. Add one of {e} (or any label of the families "
            + $"{f}), or name an agent with `agent/ai-<name>-agent`. The easiest way is to file it from one of the issue forms.");
    }

    /// <summary><c>routing-conflict</c>: routes (<c>`label` → `agent`</c>, comma-separated).</summary>
    public static CommentText Conflict(IEnumerable<(string Label, string Agent)> routes)
    {
        var text = string.Join(", ", routes.Select(r => $"{Text.Code(r.Label)} → {Text.Code(r.Agent)}"));
        return new(
            CommentNames.RoutingConflict,
            new Dictionary<string, object?> { ["routes"] = new CommentMarkup(text) },
            $"The routing labels of this issue point to different agents ({text}). Remove all but one, or add `agent/<name>` to choose, and I will route it on the next pass.");
    }

    /// <summary><c>routing-agent-disabled</c>: agent (a code span).</summary>
    public static CommentText AgentDisabled(string agent)
    {
        var code = Text.Code(agent);
        return new(
            CommentNames.RoutingAgentDisabled,
            new Dictionary<string, object?> { ["agent"] = new CommentMarkup(code) },
            $"{code} is switched off in `policies/autonomy.yml` (`disabled:`), so nothing will run for this issue. Route it to another agent with `agent/<name>`, or ask an admin to switch the domain back on.");
    }

    /// <summary><c>priority-conflict</c>: labels (all priority labels as code spans), kept (the one kept, a code span).</summary>
    public static CommentText PriorityConflict(IEnumerable<string> labels, string keep)
    {
        var (all, kept) = (string.Join(", ", labels.Select(Text.Code)), Text.Code(keep));
        return new(
            CommentNames.PriorityConflict,
            new Dictionary<string, object?> { ["labels"] = new CommentMarkup(all), ["kept"] = new CommentMarkup(kept) },
            $"This issue had more than one priority label ({all}). The most urgent one, {kept}, is kept and the others were removed. To change it, comment `/priority P0..P3` or swap the label.");
    }
}
