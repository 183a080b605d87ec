namespace BusinessOps.Core.Effects;

/// <summary>What a target says when asked by key whether an effect already happened.</summary>
public enum EffectPresence
{
    /// <summary>The target cannot be asked (SMTP, most webhooks): the effect's fate stays unknown.</summary>
    CannotTell,

    /// <summary>The target has it (a comment carrying the key, a delivery recorded for the key).</summary>
    Performed,

    /// <summary>The target can tell and does not have it: performing it now is safe.</summary>
    NotPerformed,
}
