using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A plan is in: the autonomy gate. Evaluated once per plan — the level from its classification, the gate for the mode,
/// the risk controls against today's spending — and recorded against the plan (key and hash). Later passes follow the
/// record: a plan that was carried out is never gated again, and a spending limit crossed later gates only new plans.
/// Until the plan is carried out, any edit of the issue's title or body voids it (<see cref="PlanStep"/>).
/// </summary>
internal static class GateStep
{
    private const string L1 = LabelNames.AutonomyPrefix + "L1";
    private const string L2 = LabelNames.AutonomyPrefix + "L2";
    private const string L3 = LabelNames.AutonomyPrefix + "L3";

    public static Decision Apply(Decision d, DecisionInput input, ResultRecord plan)
    {
        var recorded = d.State.PlanKey == plan.Key ? d.State.Gate : null;
        if (recorded != GateDecision.ExecuteAndReport && input.InputChangedSince(d.State.InputHash))
        {
            return PlanStep.Void(d, input);
        }

        if (recorded is null)
        {
            if (!input.Context.KnowsSpend(input.Now))
            {
                return d with { Needs = new GatherFacts([], SpendToday: true) };
            }

            d = Record(d, input, plan);
        }

        d = LevelLabel(d, input);
        return d.State.Gate switch
        {
            GateDecision.ExecuteAndReport => FinishStep.Apply(d.State.Approvals is null ? d : d with { State = d.State with { Approvals = null } }, input, plan.Key),
            GateDecision.DecisionSupport => DecisionSupportStep.Apply(d, input, plan),
            _ => ApprovalStep.Apply(d, input, plan),
        };
    }

    private static Decision Record(Decision d, DecisionInput input, ResultRecord plan)
    {
        var policies = input.Policies;
        var classification = plan.Classification ?? Classification.Routine;
        var operation = input.Labels.Routes.FirstOrDefault(r => r.Agent == d.Agent).Label;
        var level = AutonomyClassifier.Level(classification, policies.Autonomy, d.Agent!, operation);
        var gate = plan.Outcome switch
        {
            AgentOutcome.NeedsDecision => GateDecision.DecisionSupport,
            AgentOutcome.NeedsApproval when AutonomyGate.Decide(level, policies.Autonomy.Mode) == GateDecision.ExecuteAndReport => GateDecision.RequireApproval,
            _ => AutonomyGate.Decide(level, policies.Autonomy.Mode),
        };

        var client = input.Tenant;
        var spend = input.Context.Spend;
        var number = input.Issue.Number;
        var risks = RiskGate.Evaluate(
            plan.CostUsd,
            plan.Confidence,
            spend?.TotalExcept(number, plan.Key) ?? 0m,
            client is null ? 0m : spend?.ClientTotalExcept(client, number, plan.Key) ?? 0m,
            Tenancy.Find(policies.Clients, client)?.DailySpendUsd is { } clientLimit ? policies.Autonomy.Risk with { DailySpendLimitPerClientUsd = clientLimit } : policies.Autonomy.Risk,
            client);
        if (gate == GateDecision.ExecuteAndReport && risks.Count > 0)
        {
            gate = GateDecision.RequireApproval;
        }

        var planAt = input.History.ResultTime(plan.Key) ?? input.Now;
        var human = gate != GateDecision.ExecuteAndReport;
        return d with
        {
            State = d.State with
            {
                Level = level,
                Gate = gate,
                PlanKey = plan.Key,
                PlanHash = plan.PlanHash ?? PlanHash.Compute(plan.Key),
                PlanAt = planAt,
                Risks = risks.Count > 0 ? risks : null,
                WaitingSince = human ? planAt : null,
                BackupRole = null,
                Approvals = null,
            },
        };
    }

    private static Decision LevelLabel(Decision d, DecisionInput input)
    {
        if (d.State.Level is not { } level)
        {
            return d;
        }

        var label = level switch { Policies.AutonomyLevel.L1 => L1, Policies.AutonomyLevel.L2 => L2, _ => L3 };
        d = input.Issue.HasLabel(label) ? d : d.AddLabel(label);
        foreach (var other in input.Issue.Labels)
        {
            if (other.StartsWith(LabelNames.AutonomyPrefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(other, label, StringComparison.OrdinalIgnoreCase))
            {
                d = d.RemoveLabel(other);
            }
        }

        return d;
    }
}
