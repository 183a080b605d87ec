namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>A collaborator in <c>collaborator add|list --json</c>; permission is GitHub's role name (read … admin).</summary>
public sealed record CollaboratorJson(string Login, string Permission);
