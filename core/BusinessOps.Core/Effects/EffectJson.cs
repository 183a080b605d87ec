using System.Text.Json.Serialization;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Source-generated JSON for the effect types (trim- and AOT-safe), with the contract's camelCase names. Enum
/// spellings travel on the enums themselves, so <see cref="State.CoreJson"/> writes them the same way once the lead adds
/// effects to the agent result and the status marker.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Effect))]
[JsonSerializable(typeof(IReadOnlyList<Effect>))]
[JsonSerializable(typeof(EffectRecord))]
[JsonSerializable(typeof(IReadOnlyList<EffectRecord>))]
[JsonSerializable(typeof(EffectOutcome))]
public sealed partial class EffectJson : JsonSerializerContext;
