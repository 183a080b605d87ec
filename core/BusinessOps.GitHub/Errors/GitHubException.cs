using System.Net;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;

namespace BusinessOps.GitHub.Errors;

/// <summary>
/// Root of every GitHub adapter failure. Subclasses say what a caller can act on; the message is one line,
/// says what to do, and never contains a token.
/// </summary>
public abstract class GitHubException : IssueStoreException
{
    protected GitHubException(StoreErrorKind kind, string message, HttpStatusCode? status, Exception? innerException = null, DateTimeOffset? retryAt = null)
        : base(kind, SecretMasker.Process.Mask(message), innerException, retryAt)
    {
        StatusCode = status;
    }

    /// <summary>The HTTP status GitHub answered with, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
