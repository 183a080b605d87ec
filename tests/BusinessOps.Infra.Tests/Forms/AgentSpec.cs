namespace BusinessOps.Infra.Tests.Forms;

/// <summary>
/// One row of the docs/AGENTS.md table: the agent, its routing labels, its fields in order, and for fields
/// that list their accepted values in parentheses (<c>`Environment`* (`development`, `staging`)</c>) those values.
/// </summary>
public sealed record AgentSpec(
    string Agent,
    IReadOnlyList<string> RoutingLabels,
    IReadOnlyList<AgentField> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values);
