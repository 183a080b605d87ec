namespace BusinessOps.Agents.Development;

/// <summary>One generated file: its repository path and content.</summary>
internal sealed record ScaffoldFile(string Path, string Content);
