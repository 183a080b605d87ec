using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>GitHub's spelling of issue states: <c>open</c>, <c>closed</c>.</summary>
public static class IssueStateText
{
    public static string Of(IssueState state) => state == IssueState.Closed ? "closed" : "open";
}
