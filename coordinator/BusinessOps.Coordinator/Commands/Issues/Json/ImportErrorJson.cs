namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>An input line that was not filed, and why.</summary>
public sealed record ImportErrorJson(long Line, string Message);
