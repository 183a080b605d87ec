namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// Issues at the approval gate, approved by <see cref="Approvers"/> distinct collaborators in one pass:
/// the permission lookups that pass made, and how many approved plans it carried out.
/// </summary>
public sealed record GovernanceFigures(int Issues, int Approvers, int ApproveComments, PassFigures Pass, int AwaitingBefore, int CarriedOut);
