using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>Exit codes of <c>coordinator issues …</c>; scripts branch on these, so they never change meaning.</summary>
public static class IssuesExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The store could not be used (locked, read-only, damaged, newer schema, disk error): retry or pick another <c>--store</c>.</summary>
    public const int StoreFailure = 1;

    /// <summary>Bad input or usage: a missing or invalid option, a body over the limit, a bad label name.</summary>
    public const int BadInput = 2;

    /// <summary>The issue or comment named does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>The exit code for a store failure: what the caller can do about it decides the code.</summary>
    public static int For(IssueStoreException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            StoreUnavailableException => StoreFailure,
            { Kind: StoreErrorKind.NotFound } => NotFound,
            { Kind: StoreErrorKind.Invalid } => BadInput,
            _ => StoreFailure,
        };
    }
}
