using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>
/// The wait a rate limit needs would overrun the run's budget: stop cleanly, exit "deferred", and let the next run
/// resume at <see cref="IssueStoreException.RetryAt"/>. Nothing was sent for the request that raised it.
/// </summary>
public sealed class GitHubRateLimitDeferredException(DateTimeOffset retryAt, TimeSpan budget)
    : GitHubException(
        StoreErrorKind.RateLimited,
        $"GitHub rate limit: sending may resume at {retryAt:u}, beyond this run's budget of {budget.TotalSeconds:0} s; deferring to the next run.",
        status: null,
        retryAt: retryAt);
