using System.Net;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>5xx, timeouts and network failures that survived the retries: retrying later is right.</summary>
public sealed class GitHubTransientException(string message, HttpStatusCode? status, Exception? innerException = null)
    : GitHubException(StoreErrorKind.Transient, message, status, innerException);
