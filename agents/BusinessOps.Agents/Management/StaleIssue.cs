namespace BusinessOps.Agents.Management;

/// <summary>An open issue without activity for <see cref="IdleDays"/> whole days, with its status label and agent.</summary>
internal sealed record StaleIssue(int Number, string Title, int IdleDays, string Status, string Agent);
