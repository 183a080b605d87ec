using BusinessOps.Core.Scrubbing;


namespace BusinessOps.Aws.Errors;

/// <summary>
/// Root of every failure talking to AWS. <see cref="Exception.Message"/> is one line that says what to do;
/// <see cref="ErrorCode"/> is AWS's code (e.g. <c>ResourceNotFoundException</c>) when there was one.
/// </summary>
public abstract class AwsException : Exception
{
    protected AwsException(string message, string? errorCode, int? statusCode, Exception? inner = null)
        : base(SecretMasker.Process.Mask(message), inner)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    public string? ErrorCode { get; }

    public int? StatusCode { get; }

    /// <summary>True when retrying later cannot help (missing resource, denied permission, invalid request).</summary>
    public abstract bool Permanent { get; }
}
