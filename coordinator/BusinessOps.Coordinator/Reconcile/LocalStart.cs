using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// A local run's decision as it is written when the run starts: the intent it records is in progress (not queued) and
/// holds the run's lease, the status label follows, everything else as decided — so recording the intent and
/// starting the run are one write, not two.
/// </summary>
internal static class LocalStart
{
    private static readonly string Queued = LabelNames.For(IssueStatus.Queued);
    private static readonly string InProgressLabel = LabelNames.For(IssueStatus.InProgress);

    /// <summary><paramref name="decided"/> with its status comment and status label moved from queued to in progress.</summary>
    public static IReadOnlyList<OpsAction> InProgress(IssueSnapshot issue, IReadOnlyList<OpsAction> decided, PolicySet policies, Lease lease)
    {
        if (!decided.Any(a => a is UpsertStatusComment { State.Status: IssueStatus.Queued }))
        {
            return decided;
        }

        var actions = new List<OpsAction>(decided.Count + 1);
        var labelled = false;
        foreach (var action in decided)
        {
            switch (action)
            {
                case UpsertStatusComment status when status.State.Status == IssueStatus.Queued:
                    var started = status.State with { Status = IssueStatus.InProgress, Lease = lease };
                    actions.Add(status with { Body = IssueStateReader.Render(issue, policies, started), State = started });
                    break;
                case ChangeLabels labels:
                    actions.Add(Labels(issue, labels.Add, labels.Remove));
                    labelled = true;
                    break;
                default:
                    actions.Add(action);
                    break;
            }
        }

        if (!labelled && (issue.HasLabel(Queued) || !issue.HasLabel(InProgressLabel)))
        {
            actions.Add(Labels(issue, [], []));
        }

        return actions;
    }

    private static ChangeLabels Labels(IssueSnapshot issue, IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        List<string> adds = [.. add.Where(l => !Is(l, Queued) && !Is(l, InProgressLabel))];
        List<string> removes = [.. remove.Where(l => !Is(l, InProgressLabel) && !Is(l, Queued))];
        if (!issue.HasLabel(InProgressLabel))
        {
            adds.Add(InProgressLabel);
        }

        if (issue.HasLabel(Queued))
        {
            removes.Add(Queued);
        }

        return new ChangeLabels(adds, removes);
    }

    private static bool Is(string label, string name) => string.Equals(label, name, StringComparison.OrdinalIgnoreCase);
}
