namespace BusinessOps.Core.Decisions;

/// <summary>Routing and label validation: each problem becomes one comment that tells the filer what to fix.</summary>
internal sealed partial class DecisionRun
{
    /// <summary>Resolves <see cref="_agent"/>; returns the triage reason when the issue cannot be routed.</summary>
    private string? Triage()
    {
        if (_labels.Malformed.Count > 0)
        {
            var bad = _labels.Malformed.Order(StringComparer.OrdinalIgnoreCase).ToList();
            Note(
                "labels:" + string.Join('+', bad),
                $"I can't act on this issue: {string.Join(", ", bad.Select(Text.Code))} {(bad.Count == 1 ? "is not a label I understand" : "are not labels I understand")}. "
                + "Expected forms: `priority/P0`…`priority/P3`, `client/<id>` (letters, digits, `-`), `agent/ai-<name>-agent`, and the `status/*` labels I manage. Fix or remove the label and I will pick the issue up on the next pass.");
            return "unknown labels: " + string.Join(", ", bad);
        }

        var overrides = _labels.AgentOverrides.Select(o => o.Agent).Distinct(StringComparer.Ordinal).ToList();
        if (overrides.Count > 1)
        {
            var labels = string.Join(", ", _labels.AgentOverrides.Select(o => Text.Code(o.Label)));
            Note("agent-conflict:" + string.Join('+', _labels.AgentOverrides.Select(o => o.Label)), $"This issue names more than one agent ({labels}). Keep exactly one `agent/…` label and I will route it.");
            return "conflicting agent labels";
        }

        string agent;
        if (overrides.Count == 1)
        {
            agent = overrides[0];
        }
        else
        {
            var agents = _labels.Routes.Select(r => r.Agent).Distinct(StringComparer.Ordinal).ToList();
            if (agents.Count == 0)
            {
                var families = string.Join(", ", policies.Routing.Rules.Where(r => !r.IsFamily).Select(r => Text.Code(r.Pattern)));
                Note(
                    "unroutable",
                    $"I can't tell which agent should handle this issue: it has no routing label. Add one of {families} (or any label of the families "
                    + $"{string.Join(", ", policies.Routing.Rules.Where(r => r.IsFamily).Select(r => Text.Code(r.Pattern)))}), or name an agent with `agent/ai-<name>-agent`. The easiest way is to file it from one of the issue forms.");
                return "no routing label";
            }

            if (agents.Count > 1)
            {
                var routes = string.Join(", ", _labels.Routes.Select(r => $"{Text.Code(r.Label)} → {Text.Code(r.Agent)}"));
                Note(
                    "routing-conflict:" + string.Join('+', _labels.Routes.Select(r => r.Label)),
                    $"The routing labels of this issue point to different agents ({routes}). Remove all but one, or add `agent/<name>` to choose, and I will route it on the next pass.");
                return "conflicting routing labels";
            }

            agent = agents[0];
        }

        if (policies.Autonomy.DisabledAgents.Contains(agent, StringComparer.Ordinal))
        {
            Note("disabled:" + agent, $"{Text.Code(agent)} is switched off in `policies/autonomy.yml` (`disabled:`), so nothing will run for this issue. Route it to another agent with `agent/<name>`, or ask an admin to switch the domain back on.");
            return "agent switched off";
        }

        _agent = agent;
        return null;
    }
}
