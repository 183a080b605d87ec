using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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
    /// <summary>
    /// Runs only when something failed (<c>"onFailure": true</c>): in an approved plan, only after an earlier effect failed
    /// (the deployment's <c>failure</c> status and its rollback); in an agent's failed result, these are the effects that
    /// report the failure (the QA agent's <c>failure</c> commit status) — the only effects a failed result may carry, run
    /// under the rules of <c>Decisions/FailureReportStep.cs</c>. Covered by the plan hash when set; absent when false, so
    /// plans without it hash as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnFailure { get; init; }

    /// <summary>An effect whose parameters are built as a <see cref="JsonObject"/> (the agents' convenient form).</summary>
    public static Effect Create(string kind, string target, JsonObject parameters, bool onFailure = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            parameters.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new(kind, target, document.RootElement.Clone()) { OnFailure = onFailure };
    }

    /// <summary>True when the other effect has the same kind, target, canonical parameters and <see cref="OnFailure"/>.</summary>
    public bool Equals(Effect? other) =>
        other is not null
        && OnFailure == other.OnFailure
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && string.Equals(EffectCanonical.Parameters(Parameters), EffectCanonical.Parameters(other.Parameters), StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Target, EffectCanonical.Parameters(Parameters), OnFailure);
}
