using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// One kind of effect: its name (<c>webhook.payment</c>), the connector that performs it, what its target names,
/// its default impact (policy may override it) and a short description for people.
/// </summary>
public sealed record EffectKindInfo(string Name, string Connector, EffectTargetForm Target, EffectImpact Impact, string Description)
{
    /// <summary>The least autonomy level a plan holding this effect can have: L1 when it has no impact, else L2.</summary>
    public AutonomyLevel MinimumLevel => EffectCatalog.LevelFor(Impact);
}
