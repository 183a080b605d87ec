namespace BusinessOps.Core.Effects;

/// <summary>How an execution of a plan's effects ended.</summary>
public enum EffectRunStatus
{
    /// <summary>Every effect is done.</summary>
    Completed,

    /// <summary>An effect failed (or could not be performed at all); the ones after it were not started.</summary>
    Failed,

    /// <summary>An effect's fate is unknown and its target cannot tell; a person must look before anything else runs.</summary>
    Unknown,
}
