namespace BusinessOps.Coordinator.Commands.Issues.Import;

/// <summary>One run over an input: its bytes, format and size (null for a pipe), and what to do with it.</summary>
internal sealed record ImportRequest(Stream Input, ImportFormat Format, long? TotalBytes, ExistingIssues? Existing, bool DryRun);
