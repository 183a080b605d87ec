using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Triggers;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports.Scheduled;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The automation's place in every full pass (<c>run --once</c>, each <c>--monitor</c> pass, the scheduled Action): from
/// the open issues the pass already read, open the schedules' due slots, advance every workflow, follow up on results
/// that trip a threshold, poll the feeds that are due, hand escalations to the project-manager agent, and store the
/// ledger. Everything it opens is keyed in a hidden marker, so a repeated, overlapping or crashed pass opens nothing twice.
/// </summary>
public sealed class AutomationStep(AutomationPolicies policies, TimeProvider clock, Log log, FeedPoller? feeds = null, TextWriter? dryRun = null)
{
    /// <summary>The roles of <c>approvals.yml</c>: a person's review or gate counts only from a member of the role the workflow names.</summary>
    public ApprovalPolicy Approvals { get; init; } = ApprovalPolicy.Default;

    /// <summary>Where the members of <c>org/team</c> role entries are read (the session's store when it can); null: only logins count.</summary>
    public ITeamDirectory? Teams { get; init; }

    private PermissionCache Permissions(IIssueStore store) => new(store, Approvals, Teams ?? store as ITeamDirectory);
    /// <summary>The issues the store holds without a request (GitHub's persisted index): the follow-ups an event job knows of.</summary>
    public IIndexedIssues? Indexed { get; init; }

    /// <summary>Adds the KPI report to the open slot issues of schedules with <c>report:</c> (Reports/Scheduled); null: none.</summary>
    public ScheduledReports? Reports { get; init; }

    /// <summary>
    /// True for the issues the automation manages itself and <c>Decide</c> must never route: the ledger, workflow parents
    /// (ours, or a person's issue labelled <c>workflow/&lt;name&gt;</c>), and reviews and gates waiting for a person.
    /// </summary>
    public static bool Owns(IssueSnapshot issue, string identity)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Labels.Any(l => l.StartsWith(WorkflowStarter.LabelPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase)
            && AutomationMarker.TryParse(issue.Body, out var key)
            && (key.Kind == AutomationKinds.Ledger
                || (key.Kind == AutomationKinds.WorkflowChild && !issue.Labels.Any(l => l.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>Runs the automation over <paramref name="open"/> (every open issue) as of the clock's now.</summary>
    public async Task<AutomationOutcome> RunAsync(IIssueStore store, IReadOnlyList<IssueSnapshot> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(open);
        var now = clock.GetUtcNow();
        var identity = store.Identity;
        var index = AutomationIndex.Build(open, identity);
        var writer = new AutomationWriter(store, index, log, dryRun);
        var (before, comment) = LedgerStore.Read(index.LedgerIssue, identity);
        var owned = open.Where(i => Owns(i, identity)).Select(i => i.Number).ToHashSet();

        var ledger = await ScheduleRunner.RunAsync(policies, index, before, now, writer, log, cancellationToken);
        await ReportAsync(store, index, writer, cancellationToken);
        owned.UnionWith(await new WorkflowRunner(store, policies, index, writer, Permissions(store), identity).RunAsync(open, cancellationToken));
        ledger = await TriggerRunner.RunAsync(policies, open, index, ledger, now, writer, identity, cancellationToken);
        ledger = await FeedRunner.RunAsync(policies, feeds, ledger, now, writer, log, cancellationToken);
        await OversightRunner.RunAsync(open, owned, index, writer, identity, cancellationToken);
        await LedgerStore.WriteAsync(store, writer, index.LedgerIssue, comment, ledger, cancellationToken);
        foreach (var extra in index.ExtraLedgers)
        {
            await writer.CloseAsync(extra, $"Closed: a second ledger opened by two runs at once; #{index.LedgerIssue!.Number} is the ledger.", cancellationToken);
        }

        List<IssueSnapshot> next = [.. open.Where(i => !owned.Contains(i.Number) && !writer.ClosedIssues.Contains(i.Number)), .. writer.Opened];
        return new AutomationOutcome(next, writer.Created.Count, writer.Closed);
    }

    /// <summary>
    /// Event mode (<c>run --event</c>): only the automation the event's issue concerns. A workflow child or parent advances
    /// its one workflow — reading the parent (when the event is on a child) and the children its registry lists, nothing
    /// more: no list of open issues — and an issue a person filed with a <c>workflow/&lt;name&gt;</c> label starts that
    /// workflow. Any other issue costs nothing here. Thresholds on the results the job records are handed to the serialized pass
    /// (<see cref="PendingTripsForEventAsync"/>); schedules, feeds and hand-overs wait for the next full pass.
    /// </summary>
    /// <returns>The event's issue (unless the automation owns it) and the agent children just opened, to reconcile now.</returns>
    public async Task<AutomationOutcome> RunForEventAsync(IIssueStore store, IssueSnapshot issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issue);
        var identity = store.Identity;
        var parent = await WorkflowParentAsync(store, issue, identity, cancellationToken);
        if (parent is null || parent.State == IssueState.Closed)
        {
            return new AutomationOutcome([issue], 0, 0);
        }

        var known = new Dictionary<int, IssueSnapshot> { [issue.Number] = issue, [parent.Number] = parent };
        foreach (var number in ChildRegistry.Read(parent, identity).Children.Values.Where(n => n > 0).Distinct().Order())
        {
            if (!known.ContainsKey(number) && await store.GetIssueAsync(number, cancellationToken) is { } child)
            {
                known[number] = child;
            }
        }

        var index = AutomationIndex.Build([.. known.Values.Where(i => i.State == IssueState.Open)], identity);
        var writer = new AutomationWriter(store, index, log, dryRun);
        var runner = new WorkflowRunner(store, policies, index, writer, Permissions(store), identity) { Known = known, EventMode = true };
        var owned = await runner.RunAsync([parent], cancellationToken);
        owned.UnionWith(known.Values.Where(i => Owns(i, identity)).Select(i => i.Number));
        List<IssueSnapshot> next = [.. new[] { issue }.Where(i => !owned.Contains(i.Number) && !writer.ClosedIssues.Contains(i.Number)), .. writer.Opened];
        return new AutomationOutcome(next, writer.Created.Count, writer.Closed);
    }

    /// <summary>
    /// Event mode, after the job's reconcile: the results the job recorded (posted through <paramref name="store"/> with
    /// <see cref="CountingIssueStore.RecordPosts"/> on) are shown to the threshold rules, and the trips they may cause are
    /// returned for the serialized pass (<see cref="TripHandover"/>) — an event job opens no follow-up, since event jobs on
    /// different issues run at once. No request and no write: the results are in hand, and the windows already fired come
    /// from the store's persisted index (<see cref="Indexed"/>), the ledger included.
    /// </summary>
    /// <param name="store">The job's store, which kept what it posted.</param>
    /// <param name="issues">The issues the job reconciled, as it read them (their labels name the client).</param>
    /// <param name="cancellationToken">Stops the read of the persisted index.</param>
    /// <returns>The trips to hand over; empty when none.</returns>
    public async Task<IReadOnlyList<TriggerCandidate>> PendingTripsForEventAsync(CountingIssueStore store, IReadOnlyList<IssueSnapshot> issues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issues);
        var posted = store.Posted;
        if (policies.Thresholds.Count == 0 || posted.Count == 0)
        {
            return [];
        }

        var settled = issues.DistinctBy(i => i.Number)
            .Select(i => (Issue: i, Posted: (IReadOnlyList<string>)[.. posted.Where(p => p.Issue == i.Number).Select(p => p.Body)]))
            .Where(s => s.Posted.Count > 0)
            .ToList();
        var known = Indexed is null ? null : await Indexed.ListIndexedAsync(IssueQuery.Open, cancellationToken);
        return EventThresholds.Pending(policies, settled, AutomationIndex.Build(known ?? [], store.Identity), clock.GetUtcNow(), store.Identity);
    }

    /// <summary>The workflow parent <paramref name="issue"/> belongs to: itself when it is one, its parent when it is one of our children; else null.</summary>
    private static async Task<IssueSnapshot?> WorkflowParentAsync(IIssueStore store, IssueSnapshot issue, string identity, CancellationToken cancellationToken)
    {
        if (issue.Labels.Any(l => l.StartsWith(WorkflowStarter.LabelPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            return issue;
        }

        // Markers count only on issues the coordinator filed: a person cannot point an event at someone else's workflow.
        if (!string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase) || !AutomationMarker.TryParse(issue.Body, out var key))
        {
            return null;
        }

        if (WorkflowStarter.WorkflowOf(key) is not null)
        {
            return issue;
        }

        return WorkflowChildRef.TryParse(key, out var child) ? await store.GetIssueAsync(child.Parent, cancellationToken) : null;
    }

    /// <summary>
    /// Only the schedules, as of <paramref name="asOf"/>: <c>coordinator schedule [--at TIME]</c>. An operator command, so it
    /// also reads closed issues: a backfill (<c>--at</c> in the past) then never reopens a slot whose issue was closed.
    /// </summary>
    public async Task<AutomationOutcome> RunSchedulesAsync(IIssueStore store, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), cancellationToken);
        var index = AutomationIndex.Build(all, store.Identity);
        var writer = new AutomationWriter(store, index, log, dryRun);
        var (before, comment) = LedgerStore.Read(index.LedgerIssue, store.Identity);

        // Cursors after asOf would hide the slot being backfilled; the slot issues read (closed ones too) keep it single.
        var view = before with { ScheduleCursors = before.ScheduleCursors.Where(c => c.Value <= asOf).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal) };
        var ledger = await ScheduleRunner.RunAsync(policies, index, view, asOf, writer, log, cancellationToken);
        await ReportAsync(store, index, writer, cancellationToken);

        // Backfilling (an --at in the past) must not move a cursor back: the newest slot handled stays the newest.
        var cursors = new Dictionary<string, DateTimeOffset>(ledger.ScheduleCursors, StringComparer.Ordinal);
        foreach (var (id, at) in before.ScheduleCursors)
        {
            if (cursors.TryGetValue(id, out var mine) && mine < at)
            {
                cursors[id] = at;
            }
        }

        await LedgerStore.WriteAsync(store, writer, index.LedgerIssue, comment, ledger with { ScheduleCursors = cursors }, cancellationToken);

        // What the operator asked for: the slots' issues (and parents), not the ledger the first run files beside them.
        var opened = writer.Created.Where(i => !(AutomationMarker.TryParse(i.Body, out var key) && key.Kind == AutomationKinds.Ledger)).ToList();
        return new AutomationOutcome(opened, opened.Count, writer.Closed);
    }

    private async Task ReportAsync(IIssueStore store, AutomationIndex index, AutomationWriter writer, CancellationToken cancellationToken)
    {
        if (Reports is not null && !writer.IsDryRun)
        {
            await Reports.RunAsync(store, ReportSlots.From(policies.Schedules, index, writer.Created, writer.ClosedIssues), cancellationToken);
        }
    }

    /// <summary>
    /// <c>coordinator workflow start</c>: opens <paramref name="parent"/> unless its key is already open (a repeated start
    /// returns the same parent), then plans it at once so the first steps open now rather than at the next pass.
    /// </summary>
    public async Task<IssueSnapshot> StartWorkflowAsync(IIssueStore store, IssueSpec parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(parent);
        var open = await store.ListIssuesAsync(IssueQuery.Open, cancellationToken);
        var index = AutomationIndex.Build(open, store.Identity);
        var writer = new AutomationWriter(store, index, log, dryRun: null);
        var issue = await writer.OpenAsync(parent, "workflow start", routed: false, cancellationToken)
            ?? throw new InvalidOperationException("a workflow start is never a dry run");
        var fresh = await store.GetIssueAsync(issue.Number, cancellationToken) ?? issue;
        // Only this parent is planned: the other parents wait for the next pass, as they would have anyway.
        var others = open.Where(i => i.Number != fresh.Number && !i.Labels.Any(l => l.StartsWith(WorkflowStarter.LabelPrefix, StringComparison.OrdinalIgnoreCase)));
        await new WorkflowRunner(store, policies, AutomationIndex.Build([.. others, fresh], store.Identity), writer, Permissions(store), store.Identity)
            .RunAsync([fresh], cancellationToken);
        return fresh;
    }
}
