using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub;

namespace BusinessOps.Benchmarks.Scenarios.Effects;

/// <summary>
/// The runner's journal as production keeps it: the ledger in the issue's status comment, one comment edit per journal
/// write, through the same store (so its writes are paced and counted with the effects').
/// </summary>
internal sealed class StatusCommentJournal(GitHubIssueStore store, int issue, long commentId) : IEffectJournal
{
    private readonly SortedDictionary<int, EffectRecord> _ledger = [];

    public int Writes { get; private set; }

    public async Task WriteAsync(IReadOnlyList<EffectRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            _ledger[record.Index] = record;
        }

        var lines = _ledger.Values.Select(r => string.Create(CultureInfo.InvariantCulture, $"e{r.Index} {r.Status} {r.Reference}"));
        await store.UpdateCommentAsync(issue, commentId, "Executing the approved plan.\n<!-- businessops:state " + string.Join(" | ", lines) + " -->", cancellationToken);
        Writes++;
    }
}
