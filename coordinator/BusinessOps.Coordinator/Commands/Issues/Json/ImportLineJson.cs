namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>An input line and the issue it became (or, for a skipped line, already was; 0: an earlier line of the same input).</summary>
public sealed record ImportLineJson(long Line, int Number);
