namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>What <c>close --json</c> and <c>reopen --json</c> print; <see cref="Changed"/> is false when it already was.</summary>
public sealed record IssueStateJson(int Number, string State, bool Changed);
