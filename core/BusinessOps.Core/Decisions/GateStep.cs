using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A plan is in: the autonomy gate. Evaluated once per plan — the level from its classification and at least the level
/// its effects' kinds demand (<see cref="EffectCatalog.MinimumLevel"/>), the gate for the mode, the risk controls against
/// today's spending — and recorded against the plan (key, hash and the fingerprint of its effects). Later passes follow
/// the record: a plan that was carried out is never gated again, and a spending limit crossed later gates only new plans.
/// Until the plan is carried out, any edit of the issue's title or body voids it, and so does any change of the plan
/// result itself (<see cref="PlanStep"/>). Execute and report: the effects run at once (<see cref="ExecuteStep"/>).
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

        if (recorded is not null && ApprovedEffects.From(input.History, d.State).Problem is { } changed)
        {
            return PlanStep.Changed(d, input, changed);
        }

        if (recorded is null)
        {
            if (!input.Context.KnowsSpend(input.Now))
            {
                return d with { Needs = new GatherFacts([], SpendToday: true) };
            }

            d = Readiness(Record(d, input, plan), input, plan);
        }

        d = LevelLabel(d, input);
        return d.State.Gate switch
        {
            GateDecision.ExecuteAndReport => ExecuteStep.Start(d.State.Approvals is null ? d : d with { State = d.State with { Approvals = null } }, input, d.State.Attempt),
            GateDecision.DecisionSupport => DecisionSupportStep.Apply(d, input, plan),
            _ => ApprovalStep.Apply(d, input, plan),
        };
    }

    private static Decision Record(Decision d, DecisionInput input, ResultRecord plan)
    {
        var policies = input.Policies;
        var classification = PlanClassification.Of(plan, policies.Connectors);
        var operation = input.Labels.Routes.FirstOrDefault(r => r.Agent == d.Agent).Label;
        var effects = plan.Effects ?? [];
        var classified = AutonomyClassifier.Level(classification, policies.Autonomy, d.Agent!, operation);
        var floor = EffectCatalog.MinimumLevel(effects, policies.Connectors);
        var level = floor > classified ? floor : classified;
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
                EffectsHash = EffectListHash.Of(effects),
                Effects = null,
                PlanAt = planAt,
                Risks = risks.Count > 0 ? risks : null,
                WaitingSince = human ? planAt : null,
                BackupRole = null,
                Approvals = null,
            },
        };
    }

    /// <summary>
    /// Said once, when the plan is gated — before anyone approves: each effect that cannot run here, and why (the shell's
    /// check of its schema, connector, endpoint and secrets; without a shell, what <c>connectors.yml</c> says). Approving such a plan runs nothing of it until the connector is set up (then <c>/retry</c>).
    /// </summary>
    private static Decision Readiness(Decision d, DecisionInput input, ResultRecord plan)
    {
        var effects = plan.Effects ?? [];
        var problems = new List<string>();
        for (var i = 0; i < effects.Count; i++)
        {
            if ((ConnectorReadiness.Problem(effects[i], input.Policies.Connectors) ?? input.Context.EffectProblem?.Invoke(effects[i])) is { } problem)
            {
                problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"- e{i + 1} ({EffectDescriber.Describe(effects[i])}): {problem}"));
            }
        }

        return problems.Count == 0
            ? d
            : d.Note(input, NoteKey.For("not-ready", plan.Key), PlanComments.NotReady(problems, effects.Count));
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
