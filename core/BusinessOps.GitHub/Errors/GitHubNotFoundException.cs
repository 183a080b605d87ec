using System.Net;
using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub.Errors;

/// <summary>404/410: the repository, issue, comment or label does not exist, or the token cannot see it.</summary>
public sealed class GitHubNotFoundException(string message, HttpStatusCode status = HttpStatusCode.NotFound)
    : GitHubException(StoreErrorKind.NotFound, message, status);
