namespace BusinessOps.Automation.Workflows;

/// <summary>What a step's last failed attempt does to the workflow.</summary>
public enum FailureAction
{
    /// <summary>The workflow fails; <c>/retry</c> on the step's issue resumes it.</summary>
    Fail,

    /// <summary>The workflow is escalated to the project-manager agent and the managers of sla.yml.</summary>
    Escalate,
}
