using System.Security.Cryptography;
using System.Text;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// The fingerprint of a plan's effect list: the lower-case hex SHA-256 of its canonical form
/// (<see cref="EffectCanonical.Write(IReadOnlyList{Effect})"/>). Recorded in the status marker when the plan is gated, so
/// the execute phase performs the effects of the plan's result marker only while they are still exactly those: an effect
/// list edited after the plan was posted (or approved) never runs. Full length, unlike the short plan hash people quote:
/// it guards against a deliberate edit, not only a mix-up.
/// </summary>
public static class EffectListHash
{
    /// <summary>The fingerprint of <paramref name="effects"/>; null for none.</summary>
    public static string? Of(IReadOnlyList<Effect>? effects) =>
        effects is not { Count: > 0 } ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EffectCanonical.Write(effects))));
}
