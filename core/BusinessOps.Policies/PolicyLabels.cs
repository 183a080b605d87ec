using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Time;

namespace BusinessOps.Policies;

/// <summary>
/// The label catalogue <c>coordinator labels sync</c> creates: exact routing labels (in rule order;
/// <c>family/*</c> patterns have no single label), priorities, statuses, SLA, autonomy and review.
/// Deterministic order and colours, so a sync of an unchanged catalogue makes no writes.
/// </summary>
public static class PolicyLabels
{
    /// <summary>GitHub's limit on a label description.</summary>
    public const int MaxDescription = 100;

    /// <summary>Every label, first occurrence wins when a name repeats.</summary>
    public static IReadOnlyList<LabelDefinition> All(PolicySet policies)
    {
        var labels = new List<LabelDefinition>();
        foreach (var rule in policies.Routing.Rules)
        {
            if (!rule.IsFamily)
            {
                var description = rule.Description.Length > 0 ? rule.Description : $"Routed to {rule.Agent}";
                labels.Add(Label(rule.Pattern, LabelColors.ForFamily(rule.Pattern), description));
            }
        }

        foreach (var priority in Enum.GetValues<Priority>())
        {
            var target = policies.Sla.For(priority);
            var managers = target.RequiresManager ? "; managers are told on breach" : string.Empty;
            labels.Add(Label(LabelNames.For(priority), LabelColors.For(priority), $"Resolve within {Durations.Format(target.Target)}{managers}"));
        }

        foreach (var (status, color, description) in LabelColors.Statuses)
        {
            labels.Add(Label(LabelNames.For(status), color, description));
        }

        var atRisk = (int)Math.Round(policies.Sla.AtRiskFraction * 100);
        labels.Add(Label(LabelNames.SlaAtRisk, "fbca04", $"Past {atRisk.ToString(System.Globalization.CultureInfo.InvariantCulture)}% of its SLA target"));
        labels.Add(Label(LabelNames.SlaBreached, "b60205", "Past its SLA target; managers notified"));
        labels.Add(Label(LabelNames.AutonomyPrefix + "L1", "c2e0c6", "Agents execute and report"));
        labels.Add(Label(LabelNames.AutonomyPrefix + "L2", "fef2c0", "Agents execute after a human approves the plan"));
        labels.Add(Label(LabelNames.AutonomyPrefix + "L3", "f9d0c4", "Decision support only: a human decides"));
        labels.Add(Label(LabelNames.ReviewRequested, "5319e7", "Picked for human review of an autonomous run"));

        return [.. labels.DistinctBy(l => l.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static LabelDefinition Label(string name, string color, string description) =>
        new(name, color, description.Length <= MaxDescription ? description : description[..(MaxDescription - 1)] + "…");
}
