using System.Globalization;
using System.Text;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary><c>--dry-run</c>: one line per action (and the effects an execute phase or an approval would perform), nothing written.</summary>
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
                DispatchAgent { Phase: DispatchPhase.Execute } d => $"perform {d.Effects.Count} approved effect(s) key={d.Key}{Effects(d.Effects)}",
                DispatchAgent d => $"dispatch {d.Agent} key={d.Key} priority={d.Priority}",
                GatherFacts g => $"needs facts it could not gather: {string.Join(", ", g.Logins)}{(g.SpendToday ? " spend" : string.Empty)}{(g.Teams ? " teams" : string.Empty)}",
                React r => $"react {r.Reaction} to comment {r.CommentId}",
                LeaseHeld h => $"left alone: pass {h.Holder} is handing it to the executor (lease until {Text.Time(h.Until)})",
                _ => action.GetType().Name,
            };
            output.WriteLine($"#{issue.Number} {text}");
        }
    }

    /// <summary>
    /// A plan waiting for a person: the effects approving it would perform (nothing else changes on this pass), each with
    /// why it cannot run here when <c>connectors.yml</c> or <paramref name="connectorProblem"/> (the connectors' check) says so.
    /// </summary>
    public static void PrintWaiting(TextWriter output, IssueSnapshot issue, PolicySet policies, Func<Effect, string?>? connectorProblem = null)
    {
        var view = PlanView.Read(issue, policies, connectorProblem);
        if (view.State.Status is IssueStatus.AwaitingApproval && view.Effects.Count > 0)
        {
            output.WriteLine($"#{issue.Number} once approved, would perform {view.Effects.Count} effect(s){Effects(view.Effects, view.NotReady)}");
        }
    }

    private static string Effects(IReadOnlyList<Effect> effects, IReadOnlyList<string?>? notReady = null)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < effects.Count; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"\n    e{i + 1} {EffectDescriber.Describe(effects[i])}");
            if (notReady?[i] is { } problem)
            {
                lines.Append(CultureInfo.InvariantCulture, $"\n       cannot run here: {problem}");
            }
        }

        return lines.ToString();
    }
}
