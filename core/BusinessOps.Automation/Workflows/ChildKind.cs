namespace BusinessOps.Automation.Workflows;

/// <summary>What a workflow's child issue is for.</summary>
public enum ChildKind
{
    /// <summary>The step's agent doing the work (one issue per round and attempt).</summary>
    Run,

    /// <summary>The review of one round, by a reviewer agent or a person.</summary>
    Review,

    /// <summary>The human gate after the step.</summary>
    Gate,
}
