namespace BusinessOps.Infra.Tests.Forms;

/// <summary>One row of the docs/AGENTS.md table: the agent, its routing labels and its fields in order.</summary>
public sealed record AgentSpec(string Agent, IReadOnlyList<string> RoutingLabels, IReadOnlyList<AgentField> Fields);
