using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>A person (or bot) with a permission level on the local repository.</summary>
public sealed record Collaborator(string Login, RepositoryPermission Permission);
