using BusinessOps.Core.Comments;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes about a plan: one that cannot be acted on, one made void, one whose effects cannot run here.</summary>
internal static class PlanComments
{
    /// <summary><c>plan-refused</c>: problem (which effect and what is wrong, escaped).</summary>
    public static CommentText Refused(string problem)
    {
        var why = Text.Inline(problem);
        return new(
            CommentNames.PlanRefused,
            new Dictionary<string, object?> { ["problem"] = why },
            $"I will not act on this plan: {why}. Nothing was executed. Edit the issue (the agent then plans again) or comment `/retry` for a new plan.");
    }

    /// <summary><c>plan-void-edited</c>: plan_hash (a code span, or null); done (effects done before, e.g. <c>e1, e2</c>, or null); attempt.</summary>
    public static CommentText VoidEdited(string? planHash, IReadOnlyList<string> done, int attempt)
    {
        var hash = planHash is null ? null : Text.Code(planHash);
        return new(
            CommentNames.PlanVoidEdited,
            Model(hash, done, attempt),
            $"The title or body of this issue changed after {(hash is null ? "the plan" : "the plan " + hash)} was made, so that plan and any approval of it are void; {NothingMore(done)} "
            + $"I am making a new plan from the text as it is now (attempt {attempt}); approvals count only for that one.");
    }

    /// <summary><c>plan-void-changed</c>: as <c>plan-void-edited</c>, and problem (how the plan changed, escaped).</summary>
    public static CommentText VoidChanged(string? planHash, string problem, IReadOnlyList<string> done, int attempt)
    {
        var (hash, why) = (planHash is null ? null : Text.Code(planHash), Text.Inline(problem));
        var model = new Dictionary<string, object?>(Model(hash, done, attempt)) { ["problem"] = why };
        return new(
            CommentNames.PlanVoidChanged,
            model,
            $"I will not carry out {(hash is null ? "the plan" : "plan " + hash)}: {why}. What was approved is what happens, so that plan and any approval of it are void; {NothingMore(done)} "
            + $"I am making a new plan (attempt {attempt}); approvals count only for that one.");
    }

    /// <summary><c>plan-not-ready</c>: count; total; problems (a Markdown list, one line per effect with why).</summary>
    public static CommentText NotReady(IReadOnlyList<string> problems, int total)
    {
        var list = string.Join('\n', problems);
        return new(
            CommentNames.PlanNotReady,
            new Dictionary<string, object?> { ["count"] = problems.Count, ["total"] = total, ["problems"] = new CommentMarkup(list) },
            $"Before anyone approves: {problems.Count} of this plan's {total} effect(s) cannot run here.\n\n{list}\n\n"
            + "Nothing of the plan runs until they can (the runner checks every effect before the first one). A connector that is off or not configured: "
            + "enable and configure it in `policies/connectors.yml` (secrets in the environment variables it names), then approve; if the plan was already "
            + "approved and stopped, comment `/retry`. A parameter that breaks its schema: correct the issue's input, which makes a new plan.");
    }

    private static Dictionary<string, object?> Model(string? hash, IReadOnlyList<string> done, int attempt) => new()
    {
        ["plan_hash"] = hash is null ? null : new CommentMarkup(hash),
        ["done"] = done.Count == 0 ? null : string.Join(", ", done),
        ["attempt"] = attempt,
    };

    private static string NothingMore(IReadOnlyList<string> done) => done.Count > 0
        ? $"nothing more of it will be executed (already done before: {string.Join(", ", done)})."
        : "nothing of it was executed.";
}
