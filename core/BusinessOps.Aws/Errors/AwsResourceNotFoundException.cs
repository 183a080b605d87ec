namespace BusinessOps.Aws.Errors;

/// <summary>A Lambda function, Batch queue or job definition does not exist (the message names it).</summary>
public sealed class AwsResourceNotFoundException : AwsException
{
    public AwsResourceNotFoundException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => true;
}
