using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Ledger;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The feed part of a pass: poll each feed that is due (a conditional GET; an unchanged feed costs one 304), open one
/// issue per new entry, and keep each feed's state in the ledger. A feed that fails — not a feed, too large, too slow,
/// an error status — is logged with its reason and keeps its state, so nothing is lost or repeated.
/// </summary>
internal static class FeedRunner
{
    public static async Task<AutomationLedger> RunAsync(AutomationPolicies policies, FeedPoller? poller, AutomationLedger ledger, DateTimeOffset now, AutomationWriter writer, Log log, CancellationToken cancellationToken)
    {
        if (policies.Feeds.Count == 0 || poller is null)
        {
            return ledger;
        }

        var feeds = new Dictionary<string, FeedState>(ledger.Feeds, StringComparer.Ordinal);
        foreach (var feed in policies.Feeds)
        {
            var state = feeds.GetValueOrDefault(feed.Id);
            if (state is not null && !state.IsDue(now, feed.Every))
            {
                continue;
            }

            var result = await poller.PollAsync(feed, state, cancellationToken);
            if (result.Status == FeedPollStatus.Failed)
            {
                // The error names the feed and its address without the query (which may hold a key).
                log.Warn($"automation: {result.Error}; its state is kept and it is polled again when due");
            }

            foreach (var issue in result.Issues)
            {
                await writer.OpenAsync(issue, "feed " + feed.Id, routed: true, cancellationToken);
            }

            feeds[feed.Id] = result.State;
        }

        // Feeds removed from the policy are forgotten.
        foreach (var gone in feeds.Keys.Where(k => policies.Feeds.All(f => f.Id != k)).ToList())
        {
            feeds.Remove(gone);
        }

        return ledger with { Feeds = feeds };
    }
}
