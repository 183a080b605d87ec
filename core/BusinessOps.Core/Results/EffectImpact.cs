namespace BusinessOps.Core.Results;

/// <summary>
/// What performing an effect can touch. An effect with no impact flag is internal and can be undone (a label, a
/// draft pull request) and may run at L1; any flag makes approval (L2) the minimum.
/// </summary>
[Flags]
public enum EffectImpact
{
    /// <summary>Internal to the repository and reversible.</summary>
    None = 0,

    /// <summary>Moves or commits money.</summary>
    Financial = 1,

    /// <summary>Reaches a customer.</summary>
    CustomerFacing = 2,

    /// <summary>Leaves the repository: another system acts on it.</summary>
    External = 4,

    /// <summary>Cannot be taken back once done.</summary>
    Irreversible = 8,
}
