namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// A full pass over freshly filed issues (<see cref="Cold"/>); the passes after it until one writes nothing
/// (<see cref="Settle"/>: they read back the cold pass's own writes and make the SLA writes that time spent pacing
/// writes made due); a pass over unchanged issues with the same token (<see cref="Idle"/>); and one with a new token
/// (<see cref="IdleNewToken"/>, as every Actions run has: GitHub's ETags belong to the token, so no answer is a free 304).
/// </summary>
public sealed record ColdIdleFigures(int Issues, PassFigures Cold, IReadOnlyList<PassFigures> Settle, PassFigures Idle, PassFigures IdleNewToken)
{
    /// <summary>ceil(N/100): the issue-list pages a cold pass may need.</summary>
    public int ListPageBudget => (Issues + 99) / 100;
}
