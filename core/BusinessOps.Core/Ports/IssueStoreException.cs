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
}
