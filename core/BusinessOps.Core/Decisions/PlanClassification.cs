using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The classification a plan is gated and routed by: the agent's own, raised by what its effects do — the amounts of its
/// payment instructions count as financial impact (an agent cannot understate what it asks to pay), and an effect that
/// reaches a customer makes the plan customer-facing. Pure; the same for the gate, the approval routing and the demo.
/// </summary>
public static class PlanClassification
{
    /// <summary>The classification of <paramref name="plan"/> under <paramref name="connectors"/> (its per-kind impact overrides).</summary>
    public static Classification Of(ResultRecord plan, ConnectorsPolicy connectors) => Of(plan.Classification, plan.Effects, connectors);

    /// <summary>
    /// <paramref name="stated"/> (routine when absent) raised by <paramref name="effects"/>. Payment amounts are summed at
    /// face value whatever their currency: there is no exchange rate here, and counting a foreign amount as dollars can
    /// only route a payment to a more senior approver, never a less senior one.
    /// </summary>
    public static Classification Of(Classification? stated, IReadOnlyList<Effect>? effects, ConnectorsPolicy connectors)
    {
        var c = stated ?? Classification.Routine;
        if (effects is not { Count: > 0 })
        {
            return c;
        }

        var payments = 0m;
        foreach (var effect in effects)
        {
            if (effect.Kind == EffectKinds.WebhookPayment && PaymentInstruction.TryRead(effect.Parameters, out var payment))
            {
                payments += payment.Amount;
            }
        }

        var impact = EffectCatalog.ImpactOf(effects, connectors);
        var stakeholders = impact.HasFlag(EffectImpact.CustomerFacing) && c.Stakeholders < Stakeholders.CustomerFacing ? Stakeholders.CustomerFacing : c.Stakeholders;
        var financial = Math.Max(c.FinancialImpactUsd, payments);
        return financial == c.FinancialImpactUsd && stakeholders == c.Stakeholders ? c : c with { FinancialImpactUsd = financial, Stakeholders = stakeholders };
    }
}
