namespace BusinessOps.Aws.Errors;

/// <summary>A 5xx, a timeout, a connection failure or a non-AWS (e.g. HTML) response: retry later.</summary>
public sealed class AwsTransientException : AwsException
{
    public AwsTransientException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => false;
}
