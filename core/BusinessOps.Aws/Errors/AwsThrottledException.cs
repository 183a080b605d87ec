namespace BusinessOps.Aws.Errors;

/// <summary>AWS kept throttling after our backoff retries (429, TooManyRequestsException, ThrottlingException).</summary>
public sealed class AwsThrottledException : AwsException
{
    public AwsThrottledException(string message, string? errorCode = null, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The server's hint (Retry-After), when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    public override bool Permanent => false;
}
