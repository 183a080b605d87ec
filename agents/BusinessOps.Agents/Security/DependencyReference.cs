namespace BusinessOps.Agents.Security;

/// <summary>One pinned dependency: its ecosystem (<c>nuget</c>, <c>npm</c>), name, version as written, and the file it came from.</summary>
internal sealed record DependencyReference(string Ecosystem, string Package, string Version, string Source);
