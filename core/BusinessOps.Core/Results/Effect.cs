using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusinessOps.Core.Results;

/// <summary>
/// One thing an approved plan does to the world: a <see cref="Kind"/> from <see cref="Effects.EffectCatalog"/>, a
/// <see cref="Target"/> (an issue <c>#12</c>, a webhook endpoint's name, an email address, a command's name, a
/// deployment environment) and its <see cref="Parameters"/> (a JSON object checked against the kind's schema).
/// Agents propose effects; the effect runner performs exactly the approved ones. Two effects are equal when their
/// canonical forms are (<see cref="EffectCanonical"/>), so equality and the plan hash agree. An effect is part of what an
/// agent returns (<see cref="AgentResult.Effects"/>), so it lives here; <c>Core.Effects</c> checks, describes, journals
/// and performs them.
/// </summary>
public sealed record Effect(string Kind, string Target, JsonElement Parameters)
{
    /// <summary>An effect whose parameters are built as a <see cref="JsonObject"/> (the agents' convenient form).</summary>
    public static Effect Create(string kind, string target, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            parameters.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new(kind, target, document.RootElement.Clone());
    }

    /// <summary>True when the other effect has the same kind, target and canonical parameters.</summary>
    public bool Equals(Effect? other) =>
        other is not null
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && string.Equals(EffectCanonical.Parameters(Parameters), EffectCanonical.Parameters(other.Parameters), StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Target, EffectCanonical.Parameters(Parameters));
}
