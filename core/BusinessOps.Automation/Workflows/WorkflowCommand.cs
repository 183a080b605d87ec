namespace BusinessOps.Automation.Workflows;

/// <summary>Something the caller does for a workflow run: <see cref="StartChild"/> or <see cref="EscalateStep"/>.</summary>
public abstract record WorkflowCommand;
