using System.Net;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>400/422: GitHub rejected the request's content (bad label colour, body too long, …).</summary>
public sealed class GitHubValidationException(string message, HttpStatusCode status)
    : GitHubException(StoreErrorKind.Invalid, message, status);
