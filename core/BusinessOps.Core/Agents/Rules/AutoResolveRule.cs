namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// When the support agent may answer and close a ticket alone: its subcategory is listed, the triage confidence is at
/// least <see cref="MinConfidence"/>, and the best knowledge article covers at least <see cref="MinCoverage"/> of the
/// ticket's search terms. Escalated tickets are never auto-resolved.
/// </summary>
public sealed record AutoResolveRule(IReadOnlyList<string> Subcategories, double MinConfidence, double MinCoverage);
