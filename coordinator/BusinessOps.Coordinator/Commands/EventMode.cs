using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Results;
using BusinessOps.Core;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Events;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>run --event PATH</c>: reconcile the one issue of a webhook payload (<c>issues</c> or <c>issue_comment</c>), using the
/// issue from the payload instead of fetching it. Anything else exits 0 with a one-line notice.
/// </summary>
internal static class EventMode
{
    private const long MaxEventBytes = 25 * 1024 * 1024;

    public static async Task<int> RunAsync(SessionRequest request, string path, bool dryRun, bool json, CancellationToken ct)
    {
        var error = request.Error;
        var (ev, code) = await ReadAsync(path, request.Host.Environment.GetValueOrDefault("GITHUB_EVENT_NAME"), error, ct);
        if (ev is null)
        {
            return code;
        }

        if (ev.IsPullRequest)
        {
            await error.WriteLineAsync($"notice: #{ev.IssueNumber} is a pull request; BusinessOps only acts on issues. Nothing to do.");
            return ExitCodes.Ok;
        }

        return await CoordinatorSession.RunAsync(request, async session =>
        {
            if (string.Equals(ev.SenderLogin, session.Store.Identity, StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync($"notice: event sent by the coordinator's own identity ({ev.SenderLogin}); ignored.");
                return ExitCodes.Ok;
            }

            if (ResultsPass.Open(session, dryRun, session.Error) is not { } results)
            {
                return ExitCodes.BadInput;
            }

            var issue = await CompleteAsync(session.Backend, ev, ct);
            var options = new ReconcileOptions(session.Concurrency(null), dryRun, session.IsCloud);
            var watch = new DispatchWatch(session.Executor);
            var reconciler = new Reconciler(session.Store, watch, session.Policies, session.Clock, options, session.Log, session.Output, dryRun ? null : session.Connectors.Router);
            session.Log.Info($"event {ev.EventName}.{ev.Action} on #{ev.IssueNumber} by {ev.SenderLogin}");
            var automation = AutomationSteps.ForPasses(session, dryRun);
            var (opened, automationWrites) = await AutomationAsync(automation, reconciler.Store, issue, session, ct);
            reconciler.Store.RecordPosts = automation is not null;
            var pass = await results.ReconcileEventAsync(reconciler, watch, issue, opened, ct);
            reconciler.Store.RecordPosts = false;
            await ThresholdsAsync(automation, reconciler.Store, [issue, .. opened], session, dryRun, ct);
            return RunCommand.Report(pass with { Writes = pass.Writes + automationWrites }, json, session);
        });
    }

    /// <summary>
    /// The automation the event concerns (<see cref="AutomationStep.RunForEventAsync"/>): the agent issues it opened, to
    /// dispatch in this job, and its writes. Its failure never stops the event's own issue: the next full pass retries it.
    /// </summary>
    private static async Task<(IReadOnlyList<IssueSnapshot> Opened, int Writes)> AutomationAsync(AutomationStep? automation, CountingIssueStore store, IssueSnapshot issue, CoordinatorSession session, CancellationToken ct)
    {
        if (automation is null)
        {
            return ([], 0);
        }

        var before = store.Writes;
        try
        {
            var outcome = await automation.RunForEventAsync(store, issue, ct);
            return ([.. outcome.ToReconcile.Where(i => i.Number != issue.Number)], store.Writes - before);
        }
        catch (IssueStoreException ex)
        {
            session.Log.Error($"automation for #{issue.Number}: {ex.Message}");
            return ([], store.Writes - before);
        }
    }

    /// <summary>
    /// The thresholds on the results this job recorded (<see cref="AutomationStep.PendingTripsForEventAsync"/>): what they
    /// may trip is handed to the serialized pass (<see cref="TripHandover"/>), never opened here — event jobs on different
    /// issues run at once. No request and no write. A failure is logged: the next full pass shows the same results to the rules.
    /// </summary>
    private static async Task ThresholdsAsync(AutomationStep? automation, CountingIssueStore store, IReadOnlyList<IssueSnapshot> issues, CoordinatorSession session, bool dryRun, CancellationToken ct)
    {
        if (automation is null)
        {
            return;
        }

        try
        {
            var trips = await automation.PendingTripsForEventAsync(store, issues, ct);
            // A dry run starts no pass: it only says what it would hand over.
            await TripHandover.HandOverAsync(trips, dryRun ? new Dictionary<string, string?>() : session.Environment, session.Log, ct);
        }
        catch (IssueStoreException ex)
        {
            session.Log.Error($"thresholds after the event on #{issues[0].Number}: {ex.Message}");
        }
    }

    /// <summary>Reads and parses the payload; a missing, unreadable, oversized or non-JSON file is one clear line and exit 2.</summary>
    internal static async Task<(ParsedEvent? Event, int ExitCode)> ReadAsync(string path, string? eventName, TextWriter error, CancellationToken ct)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                await error.WriteLineAsync($"Event file '{path}' does not exist. In GitHub Actions pass \"$GITHUB_EVENT_PATH\".");
                return (null, ExitCodes.BadInput);
            }

            if (info.Length > MaxEventBytes)
            {
                await error.WriteLineAsync($"Event file '{path}' is {info.Length / 1024 / 1024} MB; webhook payloads are at most 25 MB.");
                return (null, ExitCodes.BadInput);
            }

            text = await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read event file '{path}': {ex.Message}");
            return (null, ExitCodes.BadInput);
        }

        try
        {
            return (GitHubEvents.Parse(text, eventName), ExitCodes.Ok);
        }
        catch (GitHubEventException ex) when (ex.IsUnsupportedEvent)
        {
            await error.WriteLineAsync("notice: " + ex.Message);
            return (null, ExitCodes.Ok);
        }
        catch (GitHubEventException ex)
        {
            await error.WriteLineAsync($"Event file '{path}': {ex.Message}");
            return (null, ExitCodes.BadInput);
        }
    }

    /// <summary>The payload's issue with its comments: from GitHub (one conditional read at most), or the local store's copy.</summary>
    private static async Task<IssueSnapshot> CompleteAsync(IIssueStore store, ParsedEvent ev, CancellationToken ct) => store switch
    {
        GitHubIssueStore github => await github.CompleteAsync(ev, ct),
        _ => await store.GetIssueAsync(ev.IssueNumber, ct) ?? ev.Issue,
    };
}
