namespace BusinessOps.TestKit.Aws;

/// <summary>What a fake AWS endpoint answers instead of the real thing, switched per operation.</summary>
public enum FakeAwsFault
{
    None,

    /// <summary>429 TooManyRequestsException (Lambda) / TooManyRequestsException (Batch), with Retry-After: 0.</summary>
    Throttle,

    /// <summary>500 ServiceException / ServerException.</summary>
    ServerError,

    /// <summary>502 with an HTML page, as a proxy or load balancer would answer.</summary>
    Html,

    /// <summary>200 OK with an HTML login page, as a captive portal or SSO proxy would answer.</summary>
    CaptivePortal,

    /// <summary>Never answers (until the client gives up).</summary>
    Hang,

    /// <summary>404 ResourceNotFoundException (Lambda); 400 ClientException "... not found" (Batch).</summary>
    ResourceNotFound,

    /// <summary>403 AccessDeniedException naming the missing action.</summary>
    AccessDenied,

    /// <summary>403 ExpiredTokenException.</summary>
    ExpiredToken,
}
