using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary><c>{ value: … }</c>: a constant.</summary>
public sealed record LiteralSource(JsonNode? Value) : InputSource
{
    public override string Describe() => Value?.ToJsonString() ?? "null";
}
