using System.Globalization;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The automation's only way to write: open an issue unless one with its key is open (idempotent across passes and
/// crashes), close one with a reason, leave a one-off note. In a dry run it prints what it would do instead.
/// </summary>
internal sealed class AutomationWriter(IIssueStore store, AutomationIndex index, Log log, TextWriter? dryRun)
{
    /// <summary>Issues opened in this pass for an agent, in order: the pass reconciles them at once.</summary>
    public List<IssueSnapshot> Opened { get; } = [];

    /// <summary>Every issue opened in this pass, the automation's own included.</summary>
    public List<IssueSnapshot> Created { get; } = [];

    /// <summary>The issues closed in this pass: the pass must not reconcile them from the snapshot it read before.</summary>
    public HashSet<int> ClosedIssues { get; } = [];

    /// <summary>How many issues were closed in this pass.</summary>
    public int Closed => ClosedIssues.Count;

    public bool IsDryRun => dryRun is not null;

    /// <summary>Opens <paramref name="spec"/> unless its key is already open; returns the issue (new or existing), null in a dry run.</summary>
    /// <param name="spec">The issue.</param>
    /// <param name="why">For the log and the dry run.</param>
    /// <param name="routed">False for the automation's own issues (parents, the ledger, people's reviews): <c>Decide</c> never sees them.</param>
    /// <param name="cancellationToken">Stops before the write.</param>
    public async Task<IssueSnapshot?> OpenAsync(IssueSpec spec, string why, bool routed, CancellationToken cancellationToken)
    {
        if (index.Find(spec.Key) is { } existing)
        {
            return existing;
        }

        if (dryRun is not null)
        {
            await dryRun.WriteLineAsync($"would open: {spec.Title} [{string.Join(", ", spec.Labels)}] ({why}; key {spec.Key})");
            return null;
        }

        var issue = await store.CreateIssueAsync(spec.ToNewIssue(), cancellationToken);
        index.Add(spec.Key, issue);
        Created.Add(issue);
        if (WorkflowStarter.WorkflowOf(spec.Key) is { } workflow)
        {
            // A parent opened by a schedule is planned in the same pass: its first steps open (and dispatch) now.
            index.Parents.Add((issue, workflow));
        }

        if (routed)
        {
            Opened.Add(issue);
        }

        log.Info(string.Create(CultureInfo.InvariantCulture, $"automation: opened #{issue.Number} {spec.Title} ({why})"));
        return issue;
    }

    /// <summary>Closes <paramref name="number"/> with a comment saying why.</summary>
    public async Task CloseAsync(int number, string reason, CancellationToken cancellationToken)
    {
        if (dryRun is not null)
        {
            await dryRun.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"would close #{number}: {reason}"));
            return;
        }

        await store.AddCommentAsync(number, reason, cancellationToken);
        await store.SetStateAsync(number, IssueState.Closed, cancellationToken);
        ClosedIssues.Add(number);
        log.Info(string.Create(CultureInfo.InvariantCulture, $"automation: closed #{number}: {reason}"));
    }

    /// <summary>
    /// Makes <paramref name="child"/> a sub-issue of <paramref name="parent"/> where the store has sub-issues (GitHub). A
    /// refusal (no sub-issues API, no permission, a parent already, the limit) is logged once per link and settled: the
    /// caller's task list or note is the link then. A failure (GitHub down) is logged and left for the next pass.
    /// </summary>
    /// <returns>True when the link is settled (made or refused); false when the store has no sub-issues or it failed.</returns>
    public async Task<bool> LinkAsync(int parent, int child, CancellationToken cancellationToken)
    {
        if (store is not ISubIssueLinks links)
        {
            return false;
        }

        if (dryRun is not null)
        {
            await dryRun.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"would make #{child} a sub-issue of #{parent}"));
            return false;
        }

        SubIssueLinkResult result;
        try
        {
            result = await links.LinkSubIssueAsync(parent, child, cancellationToken);
        }
        catch (IssueStoreException ex) when (ex.Kind != StoreErrorKind.RateLimited)
        {
            log.Warn(string.Create(CultureInfo.InvariantCulture, $"automation: could not make #{child} a sub-issue of #{parent} ({ex.Message}); the next pass tries again"));
            return false;
        }

        switch (result.Outcome)
        {
            case SubIssueLinkOutcome.Linked:
                log.Info(string.Create(CultureInfo.InvariantCulture, $"automation: #{child} is a sub-issue of #{parent}"));
                return true;
            case SubIssueLinkOutcome.Refused:
                log.Warn(string.Create(CultureInfo.InvariantCulture, $"automation: #{child} is linked from #{parent} by its task list only, not as a sub-issue: {result.Reason}"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Posts <paramref name="body"/> on <paramref name="issue"/> once: the note key's marker makes it idempotent.</summary>
    public async Task NoteAsync(IssueSnapshot issue, string key, string body, string identity, CancellationToken cancellationToken)
    {
        var marker = IssueStateReader.NoteMarker(key);
        if (issue.Comments.Any(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(marker, StringComparison.Ordinal)))
        {
            return;
        }

        if (dryRun is not null)
        {
            await dryRun.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"would comment on #{issue.Number}: {body}"));
            return;
        }

        await store.AddCommentAsync(issue.Number, body + "\n\n" + marker, cancellationToken);
    }
}
