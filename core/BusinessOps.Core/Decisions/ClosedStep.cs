using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A closed issue is left alone, with one exception: the execute phase whose own effect closed it (<c>github.close</c> on
/// the issue itself, e.g. an auto-resolved support reply). That run's result is settled once, as on an open issue — done,
/// failed or waiting for a person — so the issue does not stay <c>status/in-progress</c> forever. Nothing is dispatched
/// for a closed issue: a retry it asks for waits until someone reopens the issue.
/// </summary>
internal static class ClosedStep
{
    public static IReadOnlyList<OpsAction> Settle(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
    {
        // The cheap test first: a closed issue without the in-progress label (every closed issue a person closed) is not read.
        if (!issue.HasLabel(LabelNames.For(IssueStatus.InProgress)))
        {
            return [];
        }

        var input = DecisionInput.Read(issue, policies, now, context);
        var state = input.History.State;
        if (state is not { Status: IssueStatus.InProgress, Phase: DispatchPhase.Execute, Key: { } key } || state.SettledKey == key
            || input.History.ResultFor(key) is not { } result)
        {
            return [];
        }

        if (LeaseStep.Held(input) is { } held)
        {
            return [held];
        }

        var d = ResultStep.Apply(Decision.Start(input), input, result);
        return d.Needs is { } needs ? [needs] : EmitStep.Emit(d with { Dispatch = null }, input);
    }
}
