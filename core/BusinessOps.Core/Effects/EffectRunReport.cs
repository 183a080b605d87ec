namespace BusinessOps.Core.Effects;

/// <summary>
/// The result of an <see cref="EffectRunner"/> run: how it ended, the whole ledger (one record per effect reached,
/// by index), and for a stop the effect it stopped at and why.
/// </summary>
/// <param name="Status">Completed, Failed or Unknown.</param>
/// <param name="Records">The ledger after the run, ordered by index.</param>
/// <param name="StoppedAt">1-based index of the effect that failed or is unknown; null when completed.</param>
/// <param name="Reason">One line for the status comment, naming the effect; null when completed.</param>
/// <param name="Permanent">For a failure: retrying cannot help (a person must change something first).</param>
public sealed record EffectRunReport(EffectRunStatus Status, IReadOnlyList<EffectRecord> Records, int? StoppedAt = null, string? Reason = null, bool Permanent = false)
{
    /// <summary>How many effects are done.</summary>
    public int Done => Records.Count(r => r.Status == EffectStatus.Done);
}
