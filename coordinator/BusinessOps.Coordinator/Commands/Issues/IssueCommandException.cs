using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>A command-line mistake found before the store is touched; carries its exit code and a one-line message.</summary>
public sealed class IssueCommandException : Exception
{
    public IssueCommandException()
    {
    }

    public IssueCommandException(string message)
        : base(message)
    {
    }

    public IssueCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IssueCommandException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>One of <see cref="ExitCodes"/>; bad input unless said otherwise.</summary>
    public int ExitCode { get; } = ExitCodes.BadInput;
}
