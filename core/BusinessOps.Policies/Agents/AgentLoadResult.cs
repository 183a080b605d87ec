using BusinessOps.Core.Agents;

namespace BusinessOps.Policies.Agents;

/// <summary>The agents' policies (defaults for absent files), every error with file:line:column, and notes.</summary>
public sealed record AgentLoadResult(AgentPolicyBook Book, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Notes);
