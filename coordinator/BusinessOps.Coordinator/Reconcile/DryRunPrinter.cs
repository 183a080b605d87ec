using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary><c>--dry-run</c>: one line per action, nothing written.</summary>
internal static class DryRunPrinter
{
    public static void Print(TextWriter output, IssueSnapshot issue, IReadOnlyList<OpsAction> actions)
    {
        foreach (var action in actions)
        {
            var text = action switch
            {
                ChangeLabels l => $"labels +[{string.Join(", ", l.Add)}] -[{string.Join(", ", l.Remove)}]",
                UpsertStatusComment s => (s.CommentId is null ? "post" : "edit") + $" status comment (status {(s.State.Status == IssueStatus.New ? "new" : LabelNames.For(s.State.Status))})",
                PostComment c => $"comment {c.NoteKey.Split(':')[0]}: {Text.Bound(c.Body.Split('\n')[0], 100)}",
                DispatchAgent d => $"dispatch {d.Agent} key={d.Key} priority={d.Priority}",
                GatherFacts g => $"needs facts it could not gather: {string.Join(", ", g.Logins)}{(g.SpendToday ? " spend" : string.Empty)}{(g.Teams ? " teams" : string.Empty)}",
                React r => $"react {r.Reaction} to comment {r.CommentId}",
                _ => action.GetType().Name,
            };
            output.WriteLine($"#{issue.Number} {text}");
        }
    }
}
