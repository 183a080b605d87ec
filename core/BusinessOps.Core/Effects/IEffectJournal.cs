namespace BusinessOps.Core.Effects;

/// <summary>
/// Where the runner writes the ledger (in production: the status marker of the status comment). A write must
/// be durable when the call returns: the runner calls a connector only after its "started" record is written, and
/// starts the next effect only after the outcome is written. The runner hands over the outcome of one effect together
/// with the "started" of the next, so a plan of N effects costs N + 1 writes (on GitHub: comment edits), not 2N.
/// </summary>
public interface IEffectJournal
{
    /// <summary>Writes <paramref name="records"/> (one or two, distinct indexes) in one durable write.</summary>
    Task WriteAsync(IReadOnlyList<EffectRecord> records, CancellationToken cancellationToken);
}
