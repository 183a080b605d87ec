namespace BusinessOps.Aws.Errors;

/// <summary>No usable credentials could be obtained from the configured source.</summary>
public sealed class AwsCredentialsException : AwsException
{
    public AwsCredentialsException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => false;
}
