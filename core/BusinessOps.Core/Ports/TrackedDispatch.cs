namespace BusinessOps.Core.Ports;

/// <summary>A dispatch recorded in a status comment that an executor should look up.</summary>
public sealed record TrackedDispatch(int Issue, string Key, string Executor, string ExternalId, DateTimeOffset DispatchedAt);

/// <summary>
/// The executor's view of a tracked dispatch. <see cref="Failed"/>: the run failed outside the agent (e.g. a FAILED Batch job);
/// <see cref="Stuck"/>: waiting to start longer than policy allows; <see cref="Message"/> says why.
/// </summary>
public sealed record DispatchReport(string Key, string State, bool Failed, bool Stuck, string? Message);
