namespace BusinessOps.Coordinator.Install;

/// <summary>One file <c>coordinator init</c> writes: its path relative to the repository root, and its content.</summary>
public sealed record InstallFile(string Path, string Content);
