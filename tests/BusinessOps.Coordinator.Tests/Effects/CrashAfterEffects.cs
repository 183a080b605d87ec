using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary>
/// A connector whose process "dies" right after its <c>performed</c>-th effect happened, before the runner could record
/// the outcome: the token is cancelled and the run stops there, as a killed coordinator would.
/// </summary>
internal sealed class CrashAfterEffects(IEffectConnector inner, int performed, CancellationTokenSource crash) : IEffectConnector
{
    private int _performed;

    public string? Unavailable(Effect effect) => inner.Unavailable(effect);

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var outcome = await inner.PerformAsync(request, cancellationToken);
        if (++_performed == performed)
        {
            await crash.CancelAsync();
            throw new OperationCanceledException(crash.Token);
        }

        return outcome;
    }

    public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken) => inner.CheckAsync(request, cancellationToken);
}
