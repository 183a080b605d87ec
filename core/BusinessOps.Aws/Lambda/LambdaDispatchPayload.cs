using System.Text.Json.Nodes;

namespace BusinessOps.Aws.Lambda;

/// <summary>
/// The event a P0 agent function receives. <see cref="IssueData"/> is the issue in GitHub's REST shape with its comments
/// inline (what <c>--issue-data</c> takes) and
/// <see cref="Context"/> what <c>--context</c> takes: agents hold no GitHub credential, so the issue always travels in the event.
/// The same event comes back as <c>requestPayload</c> in the destination record on the results queue, which is how the
/// coordinator knows which dispatch a result or a failure belongs to.
/// </summary>
public sealed record LambdaDispatchPayload
{
    public required string Key { get; init; }

    public required string Repository { get; init; }

    public required int Issue { get; init; }

    public required int Attempt { get; init; }

    public required string Phase { get; init; }

    public required string Agent { get; init; }

    public required string Priority { get; init; }

    public string? Tenant { get; init; }

    public JsonObject? IssueData { get; init; }

    /// <summary>The coordinator's context for the agent (client profile, policies, scoped data), in the agents' wire shape.</summary>
    public JsonObject? Context { get; init; }
}
