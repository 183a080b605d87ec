namespace BusinessOps.Agents.Security;

/// <summary>One problem in a GitHub Actions workflow: what, how bad, where, and the fix.</summary>
internal sealed record WorkflowFinding(string Kind, string Severity, int Line, string Detail);
