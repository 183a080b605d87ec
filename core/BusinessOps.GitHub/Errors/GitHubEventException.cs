using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>
/// A webhook payload that cannot be used: not JSON, a missing field, or an event type this product does not handle
/// (<see cref="IsUnsupportedEvent"/>: exit 0 with a notice rather than fail).
/// </summary>
public sealed class GitHubEventException(string message, bool isUnsupportedEvent = false)
    : GitHubException(StoreErrorKind.Invalid, message, status: null)
{
    public bool IsUnsupportedEvent { get; } = isUnsupportedEvent;
}
