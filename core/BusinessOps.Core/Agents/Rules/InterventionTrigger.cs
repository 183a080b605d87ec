namespace BusinessOps.Core.Agents.Rules;

/// <summary>When <see cref="Milestone"/> is not reached by <see cref="ByDay"/>, do <see cref="Action"/>.</summary>
public sealed record InterventionTrigger(string Milestone, int ByDay, string Action);
