using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Writes a result back to the issue: one result comment with the hidden marker, then exactly one status label.
/// Idempotent per key: a result marker for the key, authored by the store identity, means "already done".
/// </summary>
internal static class WriteBack
{
    /// <summary>The result recorded for <paramref name="key"/> by <paramref name="identity"/>, or null.</summary>
    public static ResultRecord? FindRecorded(IEnumerable<IssueComment> comments, string identity, string key)
    {
        foreach (var comment in comments)
        {
            // Markers are only trusted from our own identity: anyone can paste a marker into a comment.
            if (string.Equals(comment.Author, identity, StringComparison.OrdinalIgnoreCase)
                && Markers.TryParseResult(comment.Body, out var record)
                && record is not null
                && record.Key == key)
            {
                return record;
            }
        }

        return null;
    }

    public static string StatusLabelFor(AgentResult result) => LabelNames.For(result.Outcome switch
    {
        AgentOutcome.Completed => IssueStatus.Done,
        AgentOutcome.NeedsApproval => IssueStatus.AwaitingApproval,
        AgentOutcome.NeedsDecision => IssueStatus.AwaitingDecision,
        _ => result.Permanent ? IssueStatus.NeedsTriage : IssueStatus.Failed,
    });

    public static async Task ApplyAsync(IIssueStore store, IssueSnapshot current, AgentResult result, CancellationToken cancellationToken)
    {
        await store.AddCommentAsync(current.Number, ResultComment.Render(result), cancellationToken);

        var target = StatusLabelFor(result);
        var remove = LabelNames.AllStatuses
            .Where(s => !string.Equals(s, target, StringComparison.OrdinalIgnoreCase) && current.HasLabel(s))
            .ToList();
        if (remove.Count > 0 || !current.HasLabel(target))
        {
            await store.UpdateLabelsAsync(current.Number, [target], remove, cancellationToken);
        }
    }

    /// <summary>The result document reprinted for an already-recorded key (nothing is run or written).</summary>
    public static AgentResult FromRecord(ResultRecord record, int issue) => new()
    {
        Agent = record.Agent,
        Issue = issue,
        Key = record.Key,
        Outcome = record.Outcome,
        Summary = record.Error ?? $"Already processed under key {record.Key}; nothing was run again.",
        Actions = [],
        Classification = record.Classification,
        Confidence = record.Confidence,
        CostUsd = record.CostUsd,
        Permanent = record.Permanent,
    };
}
