using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Ports;

/// <summary>
/// Optional port: a store that remembers the reconcile pass — under which fingerprint (policies and setup) it ran, when it
/// read, and each open issue's due time (<see cref="Decisions.DueTime"/>) — so the next pass reads only the open issues that
/// changed since, are due, or belong to the automation. A cache: deleting it costs one full pass, never a decision.
/// </summary>
public interface IPassIndex
{
    /// <summary>
    /// The open issues an incremental pass at <paramref name="now"/> must decide: updated at or after the last recorded
    /// pass's read time, due by <paramref name="now"/> or without a due time, written by the store identity, or with a label
    /// starting with <paramref name="alwaysLabelPrefix"/>. Null when no pass under <paramref name="fingerprint"/> is recorded,
    /// the last full one is older than <paramref name="fullEvery"/>, or anything else the index depends on changed
    /// (collaborators): then a full pass is needed.
    /// </summary>
    Task<IReadOnlyList<IssueSnapshot>?> ListForPassAsync(string fingerprint, DateTimeOffset now, TimeSpan fullEvery, string alwaysLabelPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// Records a finished pass: its <paramref name="fingerprint"/>, the time it read at (the next pass reads what changed
    /// since), whether it was <paramref name="full"/> (every open issue decided: the previous due times are dropped), and
    /// the due time of each issue it decided.
    /// </summary>
    Task RecordPassAsync(string fingerprint, DateTimeOffset readAt, bool full, IReadOnlyDictionary<int, DateTimeOffset> due, CancellationToken cancellationToken);
}
