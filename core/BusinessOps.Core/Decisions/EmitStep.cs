using System.Collections.Immutable;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>The last step: the decision as the minimal list of writes — labels, the status comment if its state changed, notes, the dispatch.</summary>
internal static class EmitStep
{
    public static IReadOnlyList<OpsAction> Emit(Decision d, DecisionInput input)
    {
        var issue = input.Issue;
        var history = input.History;
        var status = d.State.Status;
        var statusLabel = status == IssueStatus.New ? null : LabelNames.For(status);
        foreach (var (label, _) in input.Labels.Statuses)
        {
            if (!string.Equals(label, statusLabel, StringComparison.OrdinalIgnoreCase))
            {
                d = d.RemoveLabel(label);
            }
        }

        if (statusLabel is not null && !issue.HasLabel(statusLabel))
        {
            d = d.AddLabel(statusLabel);
        }

        var actions = new List<OpsAction>(4);
        var add = Edits(d.Add, issue, present: false);
        var remove = Edits(d.Remove, issue, present: true);
        if (add is not null || remove is not null)
        {
            actions.Add(new ChangeLabels(add ?? [], remove ?? []));
        }

        if (history.State.Rebuilt && history.StatusComment is { } broken)
        {
            d = d.Note(input, "rebuilt:" + broken.Id, DispatchComments.StateRebuilt());
            d = d with { State = d.State with { Rebuilt = false } };
        }

        // The marker is the source of truth: an unchanged state needs no render (the hot path of an idle pass). A dispatch
        // takes this pass's lease in the write that records its intent (a recorded intent sent again is written for it);
        // any other write ends the lease it finds: the holder settling its run, or a run that is over.
        var pass = input.Context.Pass;
        var leasing = d.Dispatch is not null && pass is not null;
        var unchanged = !leasing && history.StatusComment is not null && history.StateValid && d.State == history.State;
        if (!unchanged)
        {
            d = d with { State = d.State with { Lease = leasing ? new State.Lease(pass!, input.Now + input.Context.LeaseFor) : null } };
            var body = StatusComment.Render(d.State, issue.Number, input.Policies, input.Labels.Clients);
            if (history.StatusComment?.Body != body)
            {
                actions.Add(new UpsertStatusComment(history.StatusComment?.Id, body, d.State) { Expected = history.StatusComment });
            }
        }

        actions.AddRange(d.Extra);
        if (d.Dispatch is not null)
        {
            actions.Add(d.Dispatch);
        }

        return actions;
    }

    /// <summary>The labels of <paramref name="edits"/> that the issue has (<paramref name="present"/>) or lacks, once each; null if none.</summary>
    private static List<string>? Edits(ImmutableArray<string> edits, Issues.IssueSnapshot issue, bool present)
    {
        List<string>? result = null;
        foreach (var label in edits)
        {
            if (issue.HasLabel(label) == present && (result is null || !result.Contains(label, StringComparer.OrdinalIgnoreCase)))
            {
                (result ??= []).Add(label);
            }
        }

        return result;
    }
}
