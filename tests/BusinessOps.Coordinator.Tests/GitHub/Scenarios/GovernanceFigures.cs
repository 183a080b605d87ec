namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// Issues at the approval gate, approved by <see cref="Approvers"/> distinct collaborators in one pass:
/// the permission lookups that pass made, and the execute dispatches it started.
/// </summary>
public sealed record GovernanceFigures(int Issues, int Approvers, int ApproveComments, PassFigures Pass, int AwaitingBefore, int ExecuteDispatches);
