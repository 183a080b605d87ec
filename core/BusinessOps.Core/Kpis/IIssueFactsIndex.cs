namespace BusinessOps.Core.Kpis;

/// <summary>
/// The compact per-issue index a store keeps for the KPIs (issue 15, item 5), so computing them never loads every
/// comment: SQLite keeps a table of <see cref="IssueFacts"/> rows rebuilt only for issues changed since; GitHub reads
/// its snapshot index (no request). Optional: a store without it is read through a full listing.
/// </summary>
public interface IIssueFactsIndex
{
    /// <summary>
    /// Every issue's facts (open and closed). <paramref name="refresh"/>: bring the index up to date first, even where that
    /// costs requests (GitHub); false serves what the store already holds — what a reconcile pass just listed.
    /// </summary>
    Task<IReadOnlyList<IssueFacts>> ReadFactsAsync(bool refresh, CancellationToken cancellationToken);
}
