using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Results;

/// <summary>
/// Turns the results queue into result comments written by the coordinator's own identity, the only writer the
/// coordinator believes. Idempotent per key: a result for a key already recorded, for an issue that does not exist or for
/// a key that is not the dispatch in flight is dropped (deleted). A message is deleted only after its comment is written,
/// so a crash in between re-delivers it and the second delivery finds the key recorded.
/// </summary>
public sealed class ResultDrain(IResultInbox inbox, IIssueStore store, string repository, Log log)
{
    /// <summary>Receives per drain at most (ten messages each); what is left waits for the next pass.</summary>
    public const int MaxReceives = 50;

    /// <summary>Reads whatever is waiting, without waiting for more.</summary>
    public async Task<DrainReport> DrainAsync(CancellationToken cancellationToken)
    {
        var tally = new Tally();
        for (var i = 0; i < MaxReceives; i++)
        {
            var batch = await inbox.ReceiveAsync(TimeSpan.Zero, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                await HandleAsync(message, tally, cancellationToken);
            }
        }

        return tally.Report();
    }

    /// <summary>
    /// Long-polls until a result for every key in <paramref name="keys"/> was written or <paramref name="budget"/> ran out
    /// (event mode, after a P0 went to Lambda). Other results that arrive meanwhile are written too.
    /// </summary>
    public async Task<DrainReport> WaitForAsync(IReadOnlyCollection<string> keys, TimeSpan budget, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var deadline = clock.GetUtcNow() + budget;
        while (!keys.All(tally.Keys.Contains) && clock.GetUtcNow() < deadline)
        {
            var left = deadline - clock.GetUtcNow();
            var batch = await inbox.ReceiveAsync(left < TimeSpan.FromSeconds(20) ? left : TimeSpan.FromSeconds(20), cancellationToken);
            foreach (var message in batch)
            {
                await HandleAsync(message, tally, cancellationToken);
            }
        }

        return tally.Report();
    }

    private async Task HandleAsync(InboxMessage message, Tally tally, CancellationToken ct)
    {
        if (message.Message is not { } result)
        {
            // Not ours to interpret: left in place, so the queue's redrive policy moves it to the dead-letter queue for a person.
            log.Warn($"results queue: message {message.Id} is not a BusinessOps result ({message.Problem}); left for the dead-letter queue (receive {message.ReceiveCount})");
            tally.Unreadable++;
            return;
        }

        if (IdempotencyKey.TryParse(result.Key, out var key) && !string.Equals(key.Repository, repository, StringComparison.OrdinalIgnoreCase))
        {
            log.Warn($"results queue: result {result.Key} belongs to {key.Repository}, not {repository}; left for its own coordinator (give each repository its own stack)");
            tally.Unreadable++;
            return;
        }

        try
        {
            var issue = await store.GetIssueAsync(result.Issue, ct);
            var state = issue is null ? null : IssueStateReader.Read(issue, store.Identity).State;
            var drop = issue is null || state is null ? $"issue #{result.Issue} does not exist"
                : IssueStateReader.HasResult(issue, store.Identity, result.Key) || state.SettledKey == result.Key ? "already recorded"
                : state.Key != result.Key ? $"not the dispatch in flight ({state.Key ?? "none"})"
                : null;
            if (drop is null)
            {
                await store.AddCommentAsync(result.Issue, Render(result, state!.Agent), ct);
                log.Info($"#{result.Issue} {result.Agent} result from {result.Source} recorded ({result.Result?.Outcome.ToString() ?? "failed"}, {result.Key})");
                tally.Written++;
                tally.Issues.Add(result.Issue);
                tally.Keys.Add(result.Key);
            }
            else
            {
                log.Info($"#{result.Issue} result {result.Key} from {result.Source} dropped: {drop}");
                tally.Dropped++;
            }

            await inbox.DeleteAsync(message, ct);
        }
        catch (IssueStoreException ex) when (ex.Kind != StoreErrorKind.RateLimited)
        {
            // The message stays in the queue and comes back after its visibility timeout.
            log.Error($"#{result.Issue} result {result.Key} not recorded yet: {ex.Message}");
            tally.Failed++;
        }
    }

    /// <summary>The business's wording of the result comments (<c>templates/coordinator/result*.sbn</c>).</summary>
    public ICommentWording Wording { get; init; } = BuiltInWording.Instance;

    private string Render(Aws.Results.ResultMessage message, string? agent) => ResultComment.Render(
        message.Result ?? new AgentResult
        {
            Agent = message.Agent.Length > 0 ? message.Agent : agent ?? "agent",
            Issue = message.Issue,
            Key = message.Key,
            Outcome = AgentOutcome.Failed,
            Summary = message.Failure ?? "The run produced no result.",
            Permanent = false,
        },
        Wording);

    private sealed class Tally
    {
        public int Written { get; set; }

        public int Dropped { get; set; }

        public int Unreadable { get; set; }

        public int Failed { get; set; }

        public HashSet<int> Issues { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public DrainReport Report() => new(Written, Dropped, Unreadable, Failed, Issues, Keys);
    }
}
