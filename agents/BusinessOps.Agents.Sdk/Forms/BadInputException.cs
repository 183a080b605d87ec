namespace BusinessOps.Agents.Sdk.Forms;

/// <summary>Input that retrying cannot fix: becomes a failed, permanent result and exit code 2.</summary>
public sealed class BadInputException : Exception
{
    public BadInputException()
    {
    }

    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
