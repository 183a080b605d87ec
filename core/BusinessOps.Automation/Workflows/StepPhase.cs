namespace BusinessOps.Automation.Workflows;

/// <summary>Where one step stands.</summary>
public enum StepPhase
{
    /// <summary>Some step it needs has not passed yet.</summary>
    Waiting,

    /// <summary>Its agent is working on it (or it is being started now).</summary>
    Running,

    /// <summary>Its outputs are with the reviewer.</summary>
    InReview,

    /// <summary>Passed, waiting for a person's approval before its dependents start.</summary>
    AwaitingGate,

    Passed,

    /// <summary>Failed after its attempts, or its input could not be built; the workflow fails.</summary>
    Failed,

    /// <summary>Handed to people: failures with escalate, a review below the bar after the last round.</summary>
    Escalated,

    Cancelled,

    /// <summary>Never started because the workflow stopped (a failure elsewhere, or a step it needs did not pass).</summary>
    NotStarted,
}
