using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Management;

/// <summary>
/// Open issues with no activity (their last update) for at least <c>manager.yml</c>'s <c>staleAfterDays</c>, longest
/// idle first. Issues on hold are paused on purpose and done ones wait only for closing, so neither counts. Pure.
/// </summary>
internal static class StaleFinder
{
    public static IReadOnlyList<StaleIssue> Find(IEnumerable<IssueDigest> open, DateTimeOffset now, double staleAfterDays) =>
        [.. open
            .Where(i => i.State == IssueState.Open && i.Status is not (IssueStatus.OnHold or IssueStatus.Done))
            .Where(i => (now - i.UpdatedAt).TotalDays >= staleAfterDays)
            .Select(i => new StaleIssue(i.Number, i.Title, (int)(now - i.UpdatedAt).TotalDays, i.Status == IssueStatus.New ? "new" : LabelNames.For(i.Status), i.Agent))
            .OrderByDescending(s => s.IdleDays).ThenBy(s => s.Number)];
}
