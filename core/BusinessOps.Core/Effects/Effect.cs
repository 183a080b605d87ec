using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusinessOps.Core.Effects;

/// <summary>
/// One thing an approved plan does to the world: a <see cref="Kind"/> from <see cref="EffectCatalog"/>, a
/// <see cref="Target"/> (an issue <c>#12</c>, a webhook endpoint's name, an email address, a command's name, a
/// deployment environment) and its <see cref="Parameters"/> (a JSON object checked against the kind's schema).
/// Agents propose effects; the effect runner performs exactly the approved ones. Two effects are equal when their
/// canonical forms are (<see cref="EffectCanonical"/>), so equality and the plan hash agree.
/// </summary>
public sealed record Effect(string Kind, string Target, JsonElement Parameters)
{
    /// <summary>An effect whose parameters are built as a <see cref="JsonObject"/> (the agents' convenient form).</summary>
    public static Effect Create(string kind, string target, JsonObject parameters) =>
        new(kind, target, JsonSerializer.SerializeToElement(parameters, EffectJson.Default.JsonObject));

    /// <summary>True when the other effect has the same kind, target and canonical parameters.</summary>
    public bool Equals(Effect? other) =>
        other is not null
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && string.Equals(EffectCanonical.Parameters(Parameters), EffectCanonical.Parameters(other.Parameters), StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Target, EffectCanonical.Parameters(Parameters));
}
