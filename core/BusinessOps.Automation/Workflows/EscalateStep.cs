namespace BusinessOps.Automation.Workflows;

/// <summary>
/// Hand a step to people: the caller opens (or updates) one oversight issue for the project-manager agent, keyed by
/// <see cref="Key"/> so repeating the plan never opens a second one.
/// </summary>
public sealed record EscalateStep(string Step, string Reason, string Key) : WorkflowCommand;
