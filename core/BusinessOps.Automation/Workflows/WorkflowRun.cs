using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// One run of a workflow as it stands: the parent issue, its client (from the parent's <c>client/</c> label), the
/// start inputs, every child issue read so far, whether <c>/cancel</c> was given on the parent, and the children on
/// which <c>/retry</c> was given (a retry is honoured once: when a later attempt exists, it is spent).
/// </summary>
public sealed record WorkflowRun(int ParentIssue, string? Client, JsonObject Inputs, IReadOnlyList<ChildObservation> Children)
{
    public bool CancelRequested { get; init; }

    public IReadOnlyList<ChildKey> RetryRequests { get; init; } = [];
}
