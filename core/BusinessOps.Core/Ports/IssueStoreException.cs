namespace BusinessOps.Core.Ports;

/// <summary>Root of every store failure. The message is one line that says what to do; it never contains a token.</summary>
public class IssueStoreException : Exception
{
    public IssueStoreException()
    {
    }

    public IssueStoreException(string message)
        : base(message)
    {
    }

    public IssueStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IssueStoreException(StoreErrorKind kind, string message, Exception? innerException = null, DateTimeOffset? retryAt = null)
        : base(message, innerException)
    {
        Kind = kind;
        RetryAt = retryAt;
    }

    public StoreErrorKind Kind { get; } = StoreErrorKind.Transient;

    /// <summary>For <see cref="StoreErrorKind.RateLimited"/>: when sending may resume.</summary>
    public DateTimeOffset? RetryAt { get; }

    /// <summary>The exit code for this failure (from <see cref="ExitCodes"/>): what the caller can do about it decides the code.</summary>
    public int ExitCode => Kind switch
    {
        StoreErrorKind.Invalid => ExitCodes.BadInput,
        StoreErrorKind.NotFound => ExitCodes.NotFound,
        StoreErrorKind.RateLimited => ExitCodes.Deferred,
        _ => ExitCodes.Failure,
    };
}
