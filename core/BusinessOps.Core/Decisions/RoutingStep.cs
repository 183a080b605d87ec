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
            d = d.Note(input, NoteKey.For("labels", string.Join('+', bad)), RoutingComments.UnknownLabels(bad));
            return (d, "unknown labels: " + string.Join(", ", bad));
        }

        if (ClientStep.Check(d, input) is { } refused)
        {
            return refused;
        }

        List<string> overrides = d.AgentOverride is { } chosen ? [chosen] : [.. labels.AgentOverrides.Select(o => o.Agent).Distinct(StringComparer.Ordinal)];
        if (overrides.Count > 1)
        {
            d = d.Note(input, NoteKey.For("agent-conflict", string.Join('+', labels.AgentOverrides.Select(o => o.Label))), RoutingComments.AgentConflict(labels.AgentOverrides.Select(o => o.Label)));
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
                d = d.Note(input, "unroutable", RoutingComments.NoLabel(rules.Where(r => !r.IsFamily).Select(r => r.Pattern), rules.Where(r => r.IsFamily).Select(r => r.Pattern)));
                return (d, "no routing label");
            }

            if (agents.Count > 1)
            {
                d = d.Note(input, NoteKey.For("routing-conflict", string.Join('+', labels.Routes.Select(r => r.Label))), RoutingComments.Conflict(labels.Routes.Select(r => (r.Label, r.Agent))));
                return (d, "conflicting routing labels");
            }

            agent = agents[0];
        }

        if (input.Policies.Autonomy.DisabledAgents.Contains(agent, StringComparer.Ordinal))
        {
            d = d.Note(input, NoteKey.For("disabled", agent), RoutingComments.AgentDisabled(agent));
            return (d, "agent switched off");
        }

        return (d with { Agent = agent }, null);
    }
}
