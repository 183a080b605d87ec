using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>
/// The store file itself cannot be used right now (locked, read-only, not a SQLite file, newer schema),
/// as opposed to a request that was invalid. Callers act on it by retrying or choosing another <c>--store</c>.
/// </summary>
public sealed class StoreUnavailableException : IssueStoreException
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreUnavailableException(StoreErrorKind kind, string message, Exception? innerException = null)
        : base(kind, message, innerException)
    {
    }
}
