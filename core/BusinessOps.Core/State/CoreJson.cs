using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.State;

/// <summary>Source-generated JSON for the contract types, with the contract's enum spellings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(KebabEnumConverter<AgentOutcome>), typeof(SnakeEnumConverter<Impact>), typeof(SnakeEnumConverter<Complexity>), typeof(SnakeEnumConverter<Reversibility>), typeof(SnakeEnumConverter<Stakeholders>),
        typeof(KebabEnumConverter<IssueStatus>), typeof(KebabEnumConverter<DispatchPhase>), typeof(KebabEnumConverter<ExecutorKind>), typeof(KebabEnumConverter<Priority>),
        typeof(KebabEnumConverter<AutonomyLevel>), typeof(KebabEnumConverter<GateDecision>), typeof(KebabEnumConverter<Override>),
    ])]
[JsonSerializable(typeof(AgentResult))]
[JsonSerializable(typeof(OpsState))]
[JsonSerializable(typeof(OpsStateV1))]
[JsonSerializable(typeof(ResultRecord))]
[JsonSerializable(typeof(AuditEntry))]
public sealed partial class CoreJson : JsonSerializerContext
{
    /// <summary>Compact, and HTML-sensitive characters escaped so a marker can never close its HTML comment early.</summary>
    public static CoreJson Compact { get; } = new(MakeOptions(indented: false, JavaScriptEncoder.Default));

    /// <summary>Indented, for stdout and humans.</summary>
    public static CoreJson Pretty { get; } = new(MakeOptions(indented: true, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    // The same settings as the attribute above (converters included, so enums keep the contract's spellings).
    private static JsonSerializerOptions MakeOptions(bool indented, JavaScriptEncoder encoder) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = indented,
        Encoder = encoder,
        Converters =
        {
            new KebabEnumConverter<AgentOutcome>(),
            new SnakeEnumConverter<Impact>(),
            new SnakeEnumConverter<Complexity>(),
            new SnakeEnumConverter<Reversibility>(),
            new SnakeEnumConverter<Stakeholders>(),
            new KebabEnumConverter<IssueStatus>(),
            new KebabEnumConverter<DispatchPhase>(),
            new KebabEnumConverter<ExecutorKind>(),
            new KebabEnumConverter<Priority>(),
            new KebabEnumConverter<AutonomyLevel>(),
            new KebabEnumConverter<GateDecision>(),
            new KebabEnumConverter<Override>(),
        },
    };
}
