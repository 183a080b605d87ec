namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// A full pass over freshly filed issues (<see cref="Cold"/>); the passes after it until one writes nothing
/// (<see cref="Settle"/>: they read back the cold pass's own writes and make the SLA writes that time spent pacing
/// writes made due); and a pass over unchanged issues (<see cref="Idle"/>).
/// </summary>
public sealed record ColdIdleFigures(int Issues, PassFigures Cold, IReadOnlyList<PassFigures> Settle, PassFigures Idle)
{
    /// <summary>ceil(N/100): the issue-list pages a cold pass may need.</summary>
    public int ListPageBudget => (Issues + 99) / 100;
}
