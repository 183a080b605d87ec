namespace BusinessOps.Aws.Errors;

/// <summary>The credentials lack a permission (the message names the action to allow).</summary>
public sealed class AwsAccessDeniedException : AwsException
{
    public AwsAccessDeniedException(string message, string? errorCode = null, int? statusCode = null, Exception? inner = null)
        : base(message, errorCode, statusCode, inner)
    {
    }

    public override bool Permanent => true;
}
