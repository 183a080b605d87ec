namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>What <c>label --json</c> prints: the issue's labels after the change.</summary>
public sealed record IssueLabelsJson(int Number, IReadOnlyList<string> Labels);
