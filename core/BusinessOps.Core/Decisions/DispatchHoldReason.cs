namespace BusinessOps.Core.Decisions;

/// <summary>Why a new agent run waits for a later pass (<see cref="DispatchHold"/>).</summary>
public enum DispatchHoldReason
{
    /// <summary>The client has <c>maxConcurrent</c> runs in flight.</summary>
    ClientAtLimit,

    /// <summary>The pass's budget of new runs is spent (P0 never waits for it).</summary>
    PassBudget,
}
