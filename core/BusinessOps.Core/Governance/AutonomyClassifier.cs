using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Governance;

/// <summary>Autonomy level of a plan from its classification, by policy (issue 5, "Autonomy").</summary>
public static class AutonomyClassifier
{
    /// <summary>
    /// Overrides first — an override naming both the agent and the operation beats one naming only the
    /// operation, which beats one naming only the agent; among equally specific overrides the first listed wins.
    /// Agents match by full or short name (<c>finance</c> = <c>ai-finance-agent</c>); operations match the routing
    /// label case-insensitively, and an override operation ending in <c>/*</c> matches every label with that prefix.
    /// Without an override: <see cref="ByClassification"/>.
    /// </summary>
    public static AutonomyLevel Level(Classification c, AutonomyPolicy p, string agent, string? operationLabel)
    {
        AutonomyLevel? operationOnly = null;
        AutonomyLevel? agentOnly = null;
        for (var k = 0; k < p.Overrides.Count; k++)
        {
            var o = p.Overrides[k];
            var agentMatches = o.Agent is not null && SameAgent(o.Agent, agent);
            var operationMatches = o.Operation is not null && operationLabel is not null && SameOperation(o.Operation, operationLabel);
            if (o.Agent is not null && o.Operation is not null)
            {
                if (agentMatches && operationMatches)
                {
                    return o.Level;
                }
            }
            else if (operationMatches)
            {
                operationOnly ??= o.Level;
            }
            else if (agentMatches)
            {
                agentOnly ??= o.Level;
            }
        }

        return operationOnly ?? agentOnly ?? ByClassification(c, p);
    }

    /// <summary>
    /// L3 when ANY L3 criterion holds (impact ≥, complexity ≥, reversibility ≥, financial impact &gt; the L3 amount);
    /// else L1 when ALL L1 criteria hold (≤, ≤, ≤, financial impact &lt; the L1 amount); else L2.
    /// </summary>
    public static AutonomyLevel ByClassification(Classification c, AutonomyPolicy p)
    {
        var l3 = p.L3;
        if (c.Impact >= l3.MinImpact
            || c.Complexity >= l3.MinComplexity
            || c.Reversibility >= l3.MinReversibility
            || c.FinancialImpactUsd > l3.FinancialAboveUsd)
        {
            return AutonomyLevel.L3;
        }

        var l1 = p.L1;
        if (c.Impact <= l1.MaxImpact
            && c.Complexity <= l1.MaxComplexity
            && c.Reversibility <= l1.MaxReversibility
            && c.FinancialImpactUsd < l1.FinancialBelowUsd)
        {
            return AutonomyLevel.L1;
        }

        return AutonomyLevel.L2;
    }

    private static bool SameAgent(string policyName, string agent)
    {
        if (string.Equals(policyName, agent, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return AgentNames.TryNormalize(policyName, out var a)
            && AgentNames.TryNormalize(agent, out var b)
            && string.Equals(a, b, StringComparison.Ordinal);
    }

    private static bool SameOperation(string policyOperation, string label)
    {
        if (policyOperation.EndsWith("/*", StringComparison.Ordinal))
        {
            return label.AsSpan().StartsWith(policyOperation.AsSpan(0, policyOperation.Length - 1), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(policyOperation, label, StringComparison.OrdinalIgnoreCase);
    }
}
