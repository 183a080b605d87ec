namespace BusinessOps.Automation.Workflows;

/// <summary>
/// A human gate: after the step passes, a person of <see cref="Role"/> (a role of approvals.yml) approves before the
/// steps that need it start. The gate is a child issue settled by the approval rules (<c>/approve</c>, <c>/reject</c>).
/// </summary>
public sealed record GatePolicy(string Role, string? Note);
