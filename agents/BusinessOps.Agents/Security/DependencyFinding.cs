using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Security;

/// <summary>A dependency whose version an advisory covers.</summary>
internal sealed record DependencyFinding(DependencyReference Dependency, Advisory Advisory);
