namespace BusinessOps.Core.Effects;

/// <summary>
/// Where the runner writes the ledger (in production: the status marker of the status comment). A write must
/// be durable when the call returns: the runner calls the connector only after "started" is written, and starts the
/// next effect only after the outcome is written.
/// </summary>
public interface IEffectJournal
{
    Task WriteAsync(EffectRecord record, CancellationToken cancellationToken);
}
