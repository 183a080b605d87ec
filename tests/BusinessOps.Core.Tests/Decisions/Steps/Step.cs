using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;
using BusinessOps.TestKit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>Inputs for testing one decision step alone: a snapshot (optionally with a status marker) read as Decide reads it.</summary>
internal static class Step
{
    public static readonly PolicySet Policies = PolicySet.Default;

    public static DecisionInput Input(IssueSnapshot issue, DecisionContext? context = null, DateTimeOffset? now = null, PolicySet? policies = null) =>
        DecisionInput.Read(issue, policies ?? Policies, now ?? Some.Epoch, context ?? DecisionContext.Empty);

    /// <summary>The issue with a status comment (id 1) whose marker holds <paramref name="state"/>, then <paramref name="more"/>.</summary>
    public static IssueSnapshot With(IssueSnapshot issue, OpsState state, params IssueComment[] more) =>
        issue with { Comments = [Some.Comment(1, Policies.Identity, "### BusinessOps status\n\n" + Markers.Format(state), bot: true), .. more] };

    public static Decision Start(DecisionInput input) => Decision.Start(input);
}
