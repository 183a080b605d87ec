namespace BusinessOps.Aws.Errors;

/// <summary>The session token expired: refresh the credentials (OIDC, SSO, STS) and retry.</summary>
public sealed class AwsExpiredTokenException : AwsException
{
    public AwsExpiredTokenException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => false;
}
