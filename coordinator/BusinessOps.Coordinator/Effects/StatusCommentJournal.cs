using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Effects;

/// <summary>
/// The effect runner's journal where the issue keeps its state: the ledger in the status comment's marker, one comment
/// edit per write, through the same store as every other write (so it is paced, counted and scrubbed like them). The
/// snapshot is kept current in memory so each write re-renders from what was last written, without a read.
/// </summary>
internal sealed class StatusCommentJournal(IIssueStore store, PolicySet policies, IssueSnapshot issue) : IEffectJournal
{
    private IssueSnapshot _issue = issue;

    /// <summary>Status-comment writes made so far.</summary>
    public int Writes { get; private set; }

    public async Task WriteAsync(IReadOnlyList<EffectRecord> records, CancellationToken cancellationToken)
    {
        var (id, body, _) = IssueStateReader.Amend(_issue, policies, s => s with { Effects = Merge(s.Effects, records) });
        var written = id is { } commentId
            ? await store.UpdateCommentAsync(_issue.Number, commentId, body, cancellationToken)
            : await store.AddCommentAsync(_issue.Number, body, cancellationToken);
        Writes++;
        // In place, so the status comment keeps its position among the comments.
        _issue = _issue with
        {
            Comments = _issue.Comments.Any(c => c.Id == written.Id) ? [.. _issue.Comments.Select(c => c.Id == written.Id ? written : c)] : [.. _issue.Comments, written],
        };
    }

    private static List<EffectRecord> Merge(IReadOnlyList<EffectRecord>? ledger, IReadOnlyList<EffectRecord> records)
    {
        var byIndex = (ledger ?? []).ToDictionary(r => r.Index);
        foreach (var record in records)
        {
            byIndex[record.Index] = record;
        }

        return [.. byIndex.Values.OrderBy(r => r.Index)];
    }
}
