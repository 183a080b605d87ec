namespace BusinessOps.Agents.ProjectManagement;

/// <summary>One issue needing attention and why.</summary>
internal sealed record OversightItem(int Number, string Title, string Reason, double AgeHours);
