using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Governance;

/// <summary>The result of <see cref="CommandAuthorizer.Check"/>.</summary>
/// <param name="Standing">Whether the command may act.</param>
/// <param name="Required">The permission the command needs.</param>
/// <param name="Reply">A short Markdown-safe reply for <see cref="CommandStanding.Invalid"/> and <see cref="CommandStanding.Unauthorized"/>; null otherwise.</param>
public sealed record CommandAuthorization(CommandStanding Standing, RepositoryPermission Required, string? Reply);
