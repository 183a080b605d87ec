namespace BusinessOps.Agents.ProjectManagement;

/// <summary>One option of a decision: its 0–10 score per criterion (risk: 10 = safest), its cost and expected yearly benefit.</summary>
internal sealed record DecisionOption(string Name, IReadOnlyDictionary<string, double> Scores, decimal CostUsd, decimal BenefitUsd)
{
    public double Weighted(IReadOnlyDictionary<string, double> weights) => weights.Sum(w => w.Value * Scores.GetValueOrDefault(w.Key));
}
