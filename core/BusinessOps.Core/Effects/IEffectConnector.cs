using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Performs effects on one kind of target. Implementations return outcomes for every failure of the target
/// (refused, unreachable, timed out) and throw only for cancellation; the runner treats any other exception as an
/// <see cref="EffectStatus.Unknown"/> outcome.
/// </summary>
public interface IEffectConnector
{
    /// <summary>Why <paramref name="effect"/> cannot be performed here (connector off, endpoint unknown, secret missing), or null when it can.</summary>
    string? Unavailable(Effect effect);

    /// <summary>Performs the effect once, carrying its key to the target where the target takes one.</summary>
    Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the target whether the effect with this key already happened; <see cref="EffectPresence.CannotTell"/> when it cannot be asked.</summary>
    Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken);
}
