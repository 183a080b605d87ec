namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>A line that was not filed, and why, in words that say what to change.</summary>
internal sealed record ImportLineError(long Line, string Message);
