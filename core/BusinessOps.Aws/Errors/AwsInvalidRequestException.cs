namespace BusinessOps.Aws.Errors;

/// <summary>AWS rejected the request as invalid (bad parameter, payload too large).</summary>
public sealed class AwsInvalidRequestException : AwsException
{
    public AwsInvalidRequestException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => true;
}
