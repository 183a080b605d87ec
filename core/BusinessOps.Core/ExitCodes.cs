namespace BusinessOps.Core;

/// <summary>
/// The one table of exit codes, for the coordinator, its <c>issues</c> commands and the fourteen agents (README, "Exit codes").
/// Scripts and the coordinator branch on these, so a value never changes meaning.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done as asked (an agent: a result was printed, including needs-approval and needs-decision).</summary>
    public const int Ok = 0;

    /// <summary>
    /// A failure that a rerun can fix: the store or executor failed (network, locked file, credentials, a pass with failed
    /// dispatches). An agent exiting with it reports a transient failure, retried with backoff.
    /// </summary>
    public const int Failure = 1;

    /// <summary>Bad input or usage: invalid policies, arguments, event file or issue data; nothing was written. Permanent for an agent (needs-triage).</summary>
    public const int BadInput = 2;

    /// <summary>The issue, comment or other thing named does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>A rate limit's wait exceeded the run's budget; every issue is consistent and the next run resumes (EX_TEMPFAIL).</summary>
    public const int Deferred = 75;

    /// <summary>Interrupted by SIGINT (Ctrl-C) or the caller's cancellation.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;
}
