namespace BusinessOps.Agents.Architecture;

/// <summary>A decision: options, weighted criteria and a 1–5 score per option and criterion (criteria order).</summary>
internal sealed record DecisionInput(
    string Decision,
    IReadOnlyList<string> Options,
    IReadOnlyList<(string Name, double Weight)> Criteria,
    IReadOnlyDictionary<string, IReadOnlyList<int>> Scores);
