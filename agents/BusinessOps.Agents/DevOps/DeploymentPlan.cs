namespace BusinessOps.Agents.DevOps;

/// <summary>Pre-checks, rollout steps, rollback triggers and steps.</summary>
internal sealed record DeploymentPlan(
    IReadOnlyList<string> PreChecks,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> RollbackTriggers,
    IReadOnlyList<string> RollbackSteps,
    IReadOnlyList<string> Warnings);
