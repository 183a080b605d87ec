namespace BusinessOps.Agents.Architecture;

/// <summary>A risk of the decision and how it is mitigated; <see cref="Source"/> is <c>matrix</c> (derived) or <c>form</c> (given).</summary>
internal sealed record Risk(string Description, string Mitigation, string Source);
