namespace BusinessOps.Agents.Management;

/// <summary>Suggested routing label, agent, priority and how sure the rules are.</summary>
internal sealed record TriageSuggestion(
    string? Label,
    string? Agent,
    string Priority,
    double Confidence,
    IReadOnlyList<string> RoutingHits,
    IReadOnlyList<string> PriorityHits,
    IReadOnlyDictionary<string, int> Scores);
