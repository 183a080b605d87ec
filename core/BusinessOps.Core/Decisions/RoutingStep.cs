using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Routing and label validation before a dispatch: the agent from an <c>agent/…</c> override or the routing labels, or
/// <c>status/needs-triage</c> with one comment that tells the filer what to fix.
/// </summary>
internal static class RoutingStep
{
    /// <summary>Routes the issue and dispatches <paramref name="attempt"/>, or sends it to triage.</summary>
    public static Decision Start(Decision d, DecisionInput input, int attempt, DispatchPhase phase = DispatchPhase.Plan)
    {
        var (routed, reason) = Route(d, input);
        if (reason is not null)
        {
            return routed with { State = routed.State with { Status = IssueStatus.NeedsTriage, Triage = reason } };
        }

        if (phase == DispatchPhase.Plan && SpendLimitStep.Check(routed, input) is { } waiting)
        {
            return waiting;
        }

        return DispatchStep.Start(routed, input, attempt, phase);
    }

    private static (Decision Decision, string? Reason) Route(Decision d, DecisionInput input)
    {
        var labels = input.Labels;
        if (labels.Malformed.Count > 0)
        {
            var bad = labels.Malformed.Order(StringComparer.OrdinalIgnoreCase).ToList();
            d = d.Note(
                input,
                NoteKey.For("labels", string.Join('+', bad)),
                $"I can't act on this issue: {string.Join(", ", bad.Select(Text.Code))} {(bad.Count == 1 ? "is not a label I understand" : "are not labels I understand")}. "
                + "Expected forms: `priority/P0`…`priority/P3`, `client/<id>` (letters, digits, `-`), `agent/ai-<name>-agent`, and the `status/*` labels I manage. Fix or remove the label and I will pick the issue up on the next pass.");
            return (d, "unknown labels: " + string.Join(", ", bad));
        }

        if (ClientStep.Check(d, input) is { } refused)
        {
            return refused;
        }

        List<string> overrides = d.AgentOverride is { } chosen ? [chosen] : [.. labels.AgentOverrides.Select(o => o.Agent).Distinct(StringComparer.Ordinal)];
        if (overrides.Count > 1)
        {
            var named = string.Join(", ", labels.AgentOverrides.Select(o => Text.Code(o.Label)));
            d = d.Note(input, NoteKey.For("agent-conflict", string.Join('+', labels.AgentOverrides.Select(o => o.Label))), $"This issue names more than one agent ({named}). Keep exactly one `agent/…` label and I will route it.");
            return (d, "conflicting agent labels");
        }

        string agent;
        if (overrides.Count == 1)
        {
            agent = overrides[0];
        }
        else
        {
            var agents = labels.Routes.Select(r => r.Agent).Distinct(StringComparer.Ordinal).ToList();
            var rules = input.Policies.Routing.Rules;
            if (agents.Count == 0)
            {
                var exact = string.Join(", ", rules.Where(r => !r.IsFamily).Select(r => Text.Code(r.Pattern)));
                var families = string.Join(", ", rules.Where(r => r.IsFamily).Select(r => Text.Code(r.Pattern)));
                d = d.Note(
                    input,
                    "unroutable",
                    $"I can't tell which agent should handle this issue: it has no routing label. Add one of {exact} (or any label of the families "
                    + $"{families}), or name an agent with `agent/ai-<name>-agent`. The easiest way is to file it from one of the issue forms.");
                return (d, "no routing label");
            }

            if (agents.Count > 1)
            {
                var routes = string.Join(", ", labels.Routes.Select(r => $"{Text.Code(r.Label)} → {Text.Code(r.Agent)}"));
                d = d.Note(
                    input,
                    NoteKey.For("routing-conflict", string.Join('+', labels.Routes.Select(r => r.Label))),
                    $"The routing labels of this issue point to different agents ({routes}). Remove all but one, or add `agent/<name>` to choose, and I will route it on the next pass.");
                return (d, "conflicting routing labels");
            }

            agent = agents[0];
        }

        if (input.Policies.Autonomy.DisabledAgents.Contains(agent, StringComparer.Ordinal))
        {
            d = d.Note(input, NoteKey.For("disabled", agent), $"{Text.Code(agent)} is switched off in `policies/autonomy.yml` (`disabled:`), so nothing will run for this issue. Route it to another agent with `agent/<name>`, or ask an admin to switch the domain back on.");
            return (d, "agent switched off");
        }

        return (d with { Agent = agent }, null);
    }
}
