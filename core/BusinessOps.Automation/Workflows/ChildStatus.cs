namespace BusinessOps.Automation.Workflows;

/// <summary>
/// A child issue's state as the workflow sees it. A child that does not exist yet is "not started" and simply
/// absent from <see cref="WorkflowRun.Children"/>.
/// </summary>
public enum ChildStatus
{
    /// <summary>Open and not settled: queued, in progress, awaiting approval, retrying after a transient failure.</summary>
    Running,

    /// <summary>Done, with outputs (for a review or gate: the verdict).</summary>
    Done,

    /// <summary>Gave up: failed for good or escalated after its own retries.</summary>
    Failed,

    /// <summary>Cancelled (<c>/cancel</c>) or closed without being done.</summary>
    Cancelled,
}
