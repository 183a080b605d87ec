using System.Globalization;
using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The workflow part of a pass: for each open parent, read its children into a <see cref="WorkflowRun"/>, plan, open the
/// children the plan asks for (the ones already open are skipped by key), hand escalations to the project-manager agent,
/// and keep the parent's task list, status label and open/closed state in line with its children.
/// </summary>
internal sealed class WorkflowRunner(IIssueStore store, AutomationPolicies policies, AutomationIndex index, AutomationWriter writer, PermissionCache permissions, string identity)
{
    /// <summary>Children already read by the caller (event mode reads a parent's registry itself), by issue number: not read again.</summary>
    public IReadOnlyDictionary<int, IssueSnapshot>? Known { get; init; }

    /// <summary>
    /// Event mode: the caller did not list the open issues, so a child opened by a pass that stopped before it recorded the
    /// child in the registry would be invisible. The keys are therefore recorded (as pending) before their issues are
    /// opened, and a key still pending is left to the next full pass, which finds the issue by its marker.
    /// </summary>
    public bool EventMode { get; init; }

    // Issue numbers of closed agent children with a /retry from someone with write access, gathered while observing a parent's children.
    private readonly HashSet<int> _retried = [];

    /// <summary>Runs every parent: those the automation opened and those a person filed with a <c>workflow/&lt;name&gt;</c> label.</summary>
    /// <returns>The issue numbers the workflows own (parents, people's reviews and gates): <c>Decide</c> leaves them alone.</returns>
    public async Task<HashSet<int>> RunAsync(IReadOnlyList<IssueSnapshot> open, CancellationToken cancellationToken)
    {
        var owned = new HashSet<int>();
        var parents = new List<(IssueSnapshot Issue, string Workflow)>(index.Parents);
        foreach (var issue in open)
        {
            if (parents.Any(p => p.Issue.Number == issue.Number))
            {
                continue;
            }

            var label = issue.Labels.FirstOrDefault(l => l.StartsWith(WorkflowStarter.LabelPrefix, StringComparison.OrdinalIgnoreCase));
            if (label is not null)
            {
                parents.Add((issue, label[WorkflowStarter.LabelPrefix.Length..]));
            }
        }

        foreach (var (parent, name) in parents)
        {
            owned.Add(parent.Number);
            await RunOneAsync(parent, name, owned, cancellationToken);
        }

        return owned;
    }

    private async Task RunOneAsync(IssueSnapshot parent, string name, HashSet<int> owned, CancellationToken cancellationToken)
    {
        if (!policies.Workflows.TryGetValue(name, out var workflow))
        {
            var known = policies.Workflows.Count == 0 ? "none are defined" : "known: " + string.Join(", ", policies.Workflows.Keys.Order(StringComparer.Ordinal).Select(k => "`workflow/" + k + "`"));
            await writer.NoteAsync(parent, "workflow-unknown:" + NoteSafe(name), $"There is no workflow `{MarkdownSafe.Inline(name, 80)}` in `policies/workflows/` ({known}). Fix the label and I will start it on the next pass.", identity, cancellationToken);
            return;
        }

        var client = policies.Clients.ForLabels(parent.Labels);
        if (client.Kind is not (ClientLookupKind.NoClient or ClientLookupKind.Found))
        {
            await writer.NoteAsync(parent, "workflow-client", "I can't start this workflow: " + client.Message, identity, cancellationToken);
            return;
        }

        var inputs = IssueFormReader.JsonField(parent.Body, "Inputs", out var problem) ?? [];
        var startProblems = problem is not null ? [problem] : workflow.InputSchema?.Validate(inputs).Select(p => "start input " + p).ToList() ?? [];
        if (startProblems.Count > 0)
        {
            await writer.NoteAsync(parent, "workflow-inputs", "I can't start this workflow: " + string.Join("; ", startProblems) + ". Edit the issue's `### Inputs` field and I will try again.", identity, cancellationToken);
            return;
        }

        var registry = ChildRegistry.Read(parent, identity);
        var children = new List<ChildObservation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (child, reference) in index.Children.GetValueOrDefault(parent.Number) ?? [])
        {
            if (reference.Workflow == workflow.Name && seen.Add(reference.Key.Value))
            {
                children.Add(await ObserveAsync(child, reference.Key, ApproverRole(workflow, reference.Key), owned, cancellationToken));
            }
        }

        // Children closed since they were opened are no longer in the open list: read each one once, from the registry.
        foreach (var (key, number) in registry.Children.Where(c => !seen.Contains(c.Key) && c.Value > 0))
        {
            if (ChildKey.TryParse(key, out var childKey) && (Known?.GetValueOrDefault(number) ?? await store.GetIssueAsync(number, cancellationToken)) is { } closed)
            {
                seen.Add(key);
                children.Add(await ObserveAsync(closed, childKey, ApproverRole(workflow, childKey), owned, cancellationToken));
            }
        }

        var run = new WorkflowRun(parent.Number, client.Profile?.Id, inputs, children)
        {
            CancelRequested = await CancelRequestedAsync(parent, cancellationToken),
            RetryRequests = [.. children.Where(c => c.Status == ChildStatus.Failed && c.Issue is { } n && _retried.Contains(n)).Select(c => c.Key)],
        };
        var plan = WorkflowPlanner.Plan(workflow, run);
        var numbers = children.Where(c => c.Issue is not null).ToDictionary(c => c.Key.Value, c => c.Issue!.Value, StringComparer.Ordinal);
        var (pending, recorded) = EventMode ? await RecordPendingAsync(parent, plan, numbers, registry, cancellationToken) : ([], registry);
        registry = recorded;
        foreach (var command in plan.Commands)
        {
            switch (command)
            {
                case StartChild start when pending.Contains(start.Key.Value):
                    break;
                case StartChild start:
                    var person = start.Key.Kind == ChildKind.Gate || (start.Key.Kind == ChildKind.Review && workflow.Step(start.Key.Step)?.Review?.Agent is null);
                    if (await writer.OpenAsync(start.Issue, $"workflow {workflow.Name} #{parent.Number}, {start.Key.Value}", routed: !person, cancellationToken) is { } opened)
                    {
                        numbers[start.Key.Value] = opened.Number;
                        if (person)
                        {
                            owned.Add(opened.Number);
                        }
                    }

                    break;
                case EscalateStep escalate:
                    var created = writer.Created.Count;
                    if (await writer.OpenAsync(OversightIssues.ForStep(workflow.Title, parent.Number, escalate.Step, escalate.Reason, run.Client, escalate.Key), "workflow escalation", routed: true, cancellationToken) is { } oversight
                        && writer.Created.Count > created)
                    {
                        // Opened just now: under the parent as a sub-issue where GitHub allows (it names the parent in its fields anyway).
                        await writer.LinkAsync(parent.Number, oversight.Number, cancellationToken);
                    }

                    break;
            }
        }

        // Keys still pending stay pending until a full pass finds their issues (or opens them): no event pass opens them twice.
        foreach (var key in pending)
        {
            numbers.TryAdd(key, 0);
        }

        await ConvergeParentAsync(parent, plan, new ChildRegistry(numbers), registry, cancellationToken);
    }

    /// <summary>
    /// Event mode, before any child opens: the keys about to open go into the registry as pending (number 0) in one write.
    /// Returns the keys already pending from an earlier run (not opened here) and the registry as written.
    /// </summary>
    private async Task<(HashSet<string> Pending, ChildRegistry Registry)> RecordPendingAsync(IssueSnapshot parent, WorkflowPlan plan, Dictionary<string, int> numbers, ChildRegistry registry, CancellationToken cancellationToken)
    {
        var pending = registry.Children.Where(c => c.Value == 0 && !numbers.ContainsKey(c.Key)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var opening = plan.Commands.OfType<StartChild>().Where(s => !pending.Contains(s.Key.Value) && !index.Has(s.Issue.Key)).ToList();
        if (opening.Count == 0 || writer.IsDryRun)
        {
            return (pending, registry);
        }

        var intents = new Dictionary<string, int>(numbers, StringComparer.Ordinal);
        foreach (var key in pending.Concat(opening.Select(s => s.Key.Value)))
        {
            intents[key] = 0;
        }

        var body = plan.TaskList + "\n" + new ChildRegistry(intents) { Linked = registry.Linked }.ToMarker();
        var comment = registry.Comment is null
            ? await store.AddCommentAsync(parent.Number, body, cancellationToken)
            : await store.UpdateCommentAsync(parent.Number, registry.Comment.Id, body, cancellationToken);
        return (pending, registry with { Comment = comment });
    }

    private async Task<ChildObservation> ObserveAsync(IssueSnapshot child, ChildKey key, string? role, HashSet<int> owned, CancellationToken cancellationToken)
    {
        var person = !child.Labels.Any(l => l.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase));
        if (person)
        {
            owned.Add(child.Number);
        }

        var seen = await ChildObserver.ObserveAsync(child, key, role, identity, permissions, writer, cancellationToken);

        // An open agent child is retried in place by Decide's own /retry. A closed one is never reconciled again, so a
        // /retry on it asks the planner for a new attempt as a new child (a closed, unfinished run counts as failed then).
        if (!person && child.State == IssueState.Closed && seen.Status is ChildStatus.Failed or ChildStatus.Cancelled && await RetryAskedAsync(child, cancellationToken))
        {
            _retried.Add(child.Number);
            return seen with { Status = ChildStatus.Failed, Error = seen.Error ?? "closed before it was done" };
        }

        return seen;
    }

    private async Task<bool> RetryAskedAsync(IssueSnapshot child, CancellationToken cancellationToken)
    {
        foreach (var comment in child.Comments.Where(c => !string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && !c.AuthorIsBot))
        {
            if (CommandParser.Parse(comment) is { Kind: CommandKind.Retry } && await permissions.CanWriteAsync(comment.Author, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The approvals.yml role whose members decide a person's child: the gate's role, or a person review's.</summary>
    private static string? ApproverRole(WorkflowDefinition workflow, ChildKey key) => key.Kind switch
    {
        ChildKind.Gate => workflow.Step(key.Step)?.Gate?.Role,
        ChildKind.Review => workflow.Step(key.Step)?.Review is { Agent: null } review ? review.Role : null,
        _ => null,
    };

    private async Task<bool> CancelRequestedAsync(IssueSnapshot parent, CancellationToken cancellationToken)
    {
        foreach (var comment in parent.Comments.Where(c => !string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase)))
        {
            if (CommandParser.Parse(comment) is { Kind: CommandKind.Cancel } && await permissions.CanWriteAsync(comment.Author, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ConvergeParentAsync(IssueSnapshot parent, WorkflowPlan plan, ChildRegistry now, ChildRegistry before, CancellationToken cancellationToken)
    {
        if (writer.IsDryRun)
        {
            return;
        }

        // Every child opened is made a sub-issue of the parent where GitHub allows, once; the task list stays either way
        // (it is the link where GitHub has no sub-issues, and it carries each step's state).
        var linked = new HashSet<int>(before.Linked);
        foreach (var child in now.Children.Values.Where(n => n > 0 && !linked.Contains(n)).Distinct().Order())
        {
            if (await writer.LinkAsync(parent.Number, child, cancellationToken))
            {
                linked.Add(child);
            }
        }

        var body = plan.TaskList + "\n" + (now with { Linked = linked }).ToMarker();
        if (before.Comment is null)
        {
            await store.AddCommentAsync(parent.Number, body, cancellationToken);
        }
        else if (before.Comment.Body != body)
        {
            await store.UpdateCommentAsync(parent.Number, before.Comment.Id, body, cancellationToken);
        }

        IssueStatus? wanted = plan.Status switch
        {
            WorkflowStatus.Running => IssueStatus.InProgress,
            WorkflowStatus.Completed => IssueStatus.Done,
            WorkflowStatus.Escalated => IssueStatus.Escalated,
            WorkflowStatus.Failed => IssueStatus.Failed,

            // As /cancel settles any other issue: done, nothing left to do (there is no cancelled status label).
            WorkflowStatus.Cancelled => IssueStatus.Done,
            _ => null,
        };
        var label = wanted is { } w ? LabelNames.For(w) : string.Empty;
        var remove = parent.Labels.Where(l => l.StartsWith(LabelNames.StatusPrefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(l, label, StringComparison.OrdinalIgnoreCase)).ToList();
        if (wanted is not null && (!parent.HasLabel(label) || remove.Count > 0))
        {
            await store.UpdateLabelsAsync(parent.Number, parent.HasLabel(label) ? [] : [label], remove, cancellationToken);
        }

        if (plan.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            var what = plan.Status == WorkflowStatus.Completed ? "completed: every step is done" : "was cancelled";
            await writer.CloseAsync(parent.Number, string.Create(CultureInfo.InvariantCulture, $"The workflow {what}."), cancellationToken);
        }
    }

    private static string NoteSafe(string text) => new([.. text.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(80)]);
}
