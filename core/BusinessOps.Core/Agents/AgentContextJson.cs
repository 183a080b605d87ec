using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Agents;

/// <summary>Source-generated JSON for <see cref="DispatchContext"/> (camelCase; states and statuses kebab-case, priorities <c>P0</c>…).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabEnumConverter<IssueState>), typeof(KebabEnumConverter<IssueStatus>), typeof(KebabEnumConverter<Kpis.Snapshots.AttentionKind>), typeof(JsonStringEnumConverter<Priority>)])]
[JsonSerializable(typeof(DispatchContext))]
public sealed partial class AgentContextJson : JsonSerializerContext
{
    /// <summary>Compact, relaxed escaping (the document is data for an agent, never rendered).</summary>
    public static AgentContextJson Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new KebabEnumConverter<IssueState>(), new KebabEnumConverter<IssueStatus>(), new KebabEnumConverter<Kpis.Snapshots.AttentionKind>(), new JsonStringEnumConverter<Priority>() },
    });
}
