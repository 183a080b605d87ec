using Octokit;

namespace BusinessOps.GitHub.Effects;

/// <summary>GitHub's deployment and commit status states, as the schemas spell them, to Octokit's enums and back.</summary>
internal static class GitHubStates
{
    public static DeploymentState Deployment(string state) => state switch
    {
        "queued" => DeploymentState.Queued,
        "in_progress" => DeploymentState.InProgress,
        "pending" => DeploymentState.Pending,
        "success" => DeploymentState.Success,
        "failure" => DeploymentState.Failure,
        "error" => DeploymentState.Error,
        "inactive" => DeploymentState.Inactive,
        _ => throw new EffectParameterException($"'{Core.Governance.MarkdownSafe.Inline(state, 20)}' is not a deployment state (queued, in_progress, pending, success, failure, error, inactive)"),
    };

    public static CommitState Commit(string state) => state switch
    {
        "pending" => CommitState.Pending,
        "success" => CommitState.Success,
        "failure" => CommitState.Failure,
        "error" => CommitState.Error,
        _ => throw new EffectParameterException($"'{Core.Governance.MarkdownSafe.Inline(state, 20)}' is not a commit status state (pending, success, failure, error)"),
    };

    /// <summary>True when GitHub's answer (<c>in_progress</c>, <c>success</c>, …) is the state asked for.</summary>
    public static bool Same(StringEnum<DeploymentState> answered, DeploymentState asked) => answered.TryParse(out var value) && value == asked;

    public static bool Same(StringEnum<CommitState> answered, CommitState asked) => answered.TryParse(out var value) && value == asked;
}
