namespace BusinessOps.Core.Effects;

/// <summary>
/// One line of an execution's ledger, kept in the status marker: effect <see cref="Index"/> (1-based) with the key it
/// was first started with, where it stands, and when. The runner writes <see cref="EffectStatus.Started"/> before
/// calling the connector and the outcome right after, so a rerun knows exactly what may have happened.
/// </summary>
/// <param name="Index">1-based position in the plan's effect list.</param>
/// <param name="Key">The effect's idempotency key (<see cref="EffectKey"/>), kept across attempts.</param>
/// <param name="Status">Started, Done, Failed or Unknown.</param>
/// <param name="Attempt">The attempt that wrote this status (a failure is performed again only by a later attempt).</param>
/// <param name="At">When this status was written.</param>
/// <param name="Reference">For Done: a URL, message id or delivery id.</param>
/// <param name="Error">For Failed and Unknown: one line on why.</param>
/// <param name="Permanent">For Failed: trying again cannot help.</param>
public sealed record EffectRecord(
    int Index,
    string Key,
    EffectStatus Status,
    int Attempt,
    DateTimeOffset At,
    string? Reference = null,
    string? Error = null,
    bool Permanent = false)
{
    /// <summary>The record of <paramref name="outcome"/> for the effect started as <paramref name="started"/>.</summary>
    public static EffectRecord From(EffectRecord started, EffectOutcome outcome, DateTimeOffset at) =>
        started with { Status = outcome.Status, At = at, Reference = outcome.Reference, Error = outcome.Error, Permanent = outcome.Permanent };
}
