using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Agents;

namespace BusinessOps.Aws.Lambda;

/// <summary>
/// The agent's standard input for <c>--issue-data - --context -</c>: one envelope <c>{"issue": {…}, "context": {…}}</c>
/// (what the agents' <c>AgentInput</c> reads). A Batch job carries it in <c>BUSINESSOPS_ISSUE_DATA</c> (or one line of a
/// set), so a Batch agent gets the same context a Lambda or local agent does.
/// </summary>
public static class AgentEnvelope
{
    /// <summary>The context once in the agents' wire shape, to pass to <see cref="Write"/> for every size the issue is tried at.</summary>
    public static byte[] Context(DispatchContext context) => JsonSerializer.SerializeToUtf8Bytes(context, AgentContextJson.Wire.DispatchContext);

    /// <summary>The envelope of <paramref name="issue"/> and <paramref name="context"/> (from <see cref="Context"/>), compact, one line.</summary>
    public static string Write(JsonObject issue, byte[] context)
    {
        ArgumentNullException.ThrowIfNull(issue);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("issue");
            issue.WriteTo(w);
            w.WritePropertyName("context");
            w.WriteRawValue(context, skipInputValidation: true);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
