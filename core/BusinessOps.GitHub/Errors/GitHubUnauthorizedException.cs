using System.Net;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>401 (credentials missing or rejected) or a 403 that is not a rate limit (a permission is missing).</summary>
public sealed class GitHubUnauthorizedException(string message, HttpStatusCode status, string? missingPermission = null)
    : GitHubException(StoreErrorKind.Unauthorized, message, status)
{
    /// <summary>The permission GitHub asked for, e.g. <c>issues: write</c>, when known.</summary>
    public string? MissingPermission { get; } = missingPermission;
}
