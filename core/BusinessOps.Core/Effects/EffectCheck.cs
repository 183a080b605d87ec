namespace BusinessOps.Core.Effects;

/// <summary>The answer to "did the effect with this key happen?", with the reference when it did.</summary>
public sealed record EffectCheck(EffectPresence Presence, string? Reference = null, string? Detail = null)
{
    public static EffectCheck CannotTell(string? detail = null) => new(EffectPresence.CannotTell, Detail: EffectOutcome.Bound(detail));

    public static EffectCheck Performed(string? reference) => new(EffectPresence.Performed, EffectOutcome.Bound(reference));

    public static EffectCheck NotPerformed { get; } = new(EffectPresence.NotPerformed);
}
