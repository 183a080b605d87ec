namespace BusinessOps.GitHub.Effects.Parameters;

/// <summary><c>github.deployment-status</c>: the earlier effect that created the deployment (<c>e1</c>) and the state to set.</summary>
internal sealed record DeploymentStatusParameters(string? Deployment, string? State, string? Description, string? LogUrl);
