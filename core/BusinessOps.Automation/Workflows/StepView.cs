using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>One line of the parent's task list: a step's phase, round and attempt, its issues, and a note.</summary>
public sealed record StepView(WorkflowStep Step, StepPhase Phase, int Round, int Attempt, string Note)
{
    /// <summary>The issue of the step's current run, if one exists.</summary>
    public int? Issue { get; init; }

    public int? ReviewIssue { get; init; }

    public int? GateIssue { get; init; }

    /// <summary>For a passed step: the outputs its dependents receive.</summary>
    public JsonObject? Outputs { get; init; }

    public bool IsActive => Phase is StepPhase.Running or StepPhase.InReview or StepPhase.AwaitingGate;

    public bool IsStopped => Phase is StepPhase.Failed or StepPhase.Escalated or StepPhase.Cancelled or StepPhase.NotStarted;
}
