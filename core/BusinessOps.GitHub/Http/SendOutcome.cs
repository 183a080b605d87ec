using System.Net;
using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Http;

/// <summary>What one attempt produced: a response, a rate-limit answer to wait on, or an error (transient or not).</summary>
internal sealed record SendOutcome(GitHubResponse? Response, GitHubException? Error, bool RateLimited, bool Secondary, bool Transient, HttpStatusCode? Status, RateLimitInfo? Limits)
{
    public static SendOutcome Ok(GitHubResponse response) => new(response, null, false, false, false, response.Status, response.RateLimit);

    public static SendOutcome Failed(GitHubException error, bool transient) => new(null, error, false, false, transient, error.StatusCode, null);
}
