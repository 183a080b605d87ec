using System.Net;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>GitHub kept answering 403/429 rate-limited after the allowed waits; <see cref="IssueStoreException.RetryAt"/> says when to resume.</summary>
public sealed class GitHubRateLimitedException(string message, HttpStatusCode? status, DateTimeOffset retryAt, bool secondary)
    : GitHubException(StoreErrorKind.RateLimited, message, status, retryAt: retryAt)
{
    /// <summary>True for a secondary (abuse / content-creation) limit, false for the primary hourly quota.</summary>
    public bool Secondary { get; } = secondary;
}
