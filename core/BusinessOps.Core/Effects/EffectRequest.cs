using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// One effect handed to a connector: the effect, its key, and the ledger records of the effects before it (so an
/// effect may name an earlier one's outcome, e.g. a deployment status for the deployment created by <c>e1</c>).
/// </summary>
public sealed record EffectRequest(Effect Effect, EffectKey Key, IReadOnlyList<EffectRecord> Earlier)
{
    /// <summary>The key as written on the wire (<c>webhook-id</c>, <c>Message-ID</c>, <c>BUSINESSOPS_EFFECT_KEY</c>).</summary>
    public string KeyText { get; } = Key.ToString();
}
