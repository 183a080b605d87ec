namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.deployment</c>: what to deploy (a branch, tag or SHA), its first status, and where it will be seen.</summary>
internal sealed record DeploymentParameters(string? Ref, string? Description, string? State, string? EnvironmentUrl);
