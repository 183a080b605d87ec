namespace BusinessOps.Coordinator.Cli;

/// <summary>Named exit codes of the coordinator.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The store or executor failed (network, locked file, credentials): fix and rerun.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: invalid policies, arguments or event file. Nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>A rate limit's wait exceeded the run's budget; every issue is consistent and the next run resumes (EX_TEMPFAIL).</summary>
    public const int Deferred = 75;

    /// <summary>SIGINT (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM.</summary>
    public const int Terminated = 143;
}
