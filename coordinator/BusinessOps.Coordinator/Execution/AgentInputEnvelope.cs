using System.Text.Json;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// What the local executor writes to an agent's stdin with <c>--issue-data - --context -</c>: one JSON envelope
/// <c>{"issue": {GitHub REST issue}, "context": {dispatch context}}</c>. Nothing goes to disk.
/// </summary>
public static class AgentInputEnvelope
{
    public static byte[] Write(IssueSnapshot issue, DispatchContext context)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("issue");
            w.WriteRawValue(IssueJson.Write(issue), skipInputValidation: true);
            w.WritePropertyName("context");
            JsonSerializer.Serialize(w, context, AgentContextJson.Wire.DispatchContext);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
