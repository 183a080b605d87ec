namespace BusinessOps.Core.Ports;

/// <summary>A dispatch recorded in a status comment that an executor should look up.</summary>
public sealed record TrackedDispatch(int Issue, string Key, string Executor, string ExternalId, DateTimeOffset DispatchedAt);

/// <summary>
/// The executor's view of a tracked dispatch. <see cref="Failed"/>: the run failed outside the agent (e.g. a FAILED Batch job);
/// <see cref="Stuck"/>: waiting to start longer than policy allows; <see cref="Message"/> says why.
/// </summary>
public sealed record DispatchReport(string Key, string State, bool Failed, bool Stuck, string? Message)
{
    /// <summary>The <see cref="State"/> of a dispatch the executor has no trace of (recorded, never submitted).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>True when the executor never received this dispatch: it may be sent again with the same key.</summary>
    public bool NeverStarted => State == NotFound;
}
