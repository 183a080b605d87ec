namespace BusinessOps.Core.State;

/// <summary>A terminal choice a human made; it holds until <c>/retry</c>.</summary>
public enum Override
{
    /// <summary><c>/cancel</c>: nothing more is done.</summary>
    Cancelled,

    /// <summary><c>/escalate</c>, or an approval that timed out into escalation.</summary>
    Escalated,

    /// <summary>The plan was rejected (<c>/reject</c>); nothing was executed.</summary>
    Rejected,

    /// <summary>L3: a human recorded the decision; the agent only recommended.</summary>
    Decided,
}
