namespace BusinessOps.Coordinator.Cli;

/// <summary>
/// What the composition root hands every command: the environment (a snapshot, so in-process tests pass their own), the clock,
/// and whether settings may be exported to the process environment for the agents it starts (only the real process does).
/// </summary>
public sealed record CliHost(IReadOnlyDictionary<string, string?> Environment, TimeProvider Clock, bool ExportToProcess = false);
