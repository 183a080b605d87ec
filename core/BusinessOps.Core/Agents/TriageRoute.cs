namespace BusinessOps.Core.Agents;

/// <summary>
/// <c>routing.yml</c> <c>triage:</c> — keywords that suggest a routing label for a free-text request (the manager
/// agent's triage). <see cref="Agent"/> is where the label routes under the rules, resolved by the policy loader.
/// </summary>
public sealed record TriageRoute(string Label, string Agent, IReadOnlyList<string> Keywords);
