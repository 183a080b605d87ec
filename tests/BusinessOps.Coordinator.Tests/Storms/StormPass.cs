namespace BusinessOps.Coordinator.Tests.Storms;

/// <summary>One reconcile pass of a <see cref="StormScenario"/>: what it wrote, by kind, and what it cost.</summary>
/// <param name="Name">What the pass is (cold, settle, timeout crossed, idle, …).</param>
/// <param name="Writes">Store writes the pass made (the port's write calls).</param>
/// <param name="ByKind">Writes by kind: <c>labels</c>, <c>status</c>, <c>result</c>, <c>note:&lt;cause&gt;</c>.</param>
/// <param name="IssuesWritten">How many issues got at least one write.</param>
/// <param name="MostOnOneIssue">The most writes one issue got.</param>
/// <param name="Dispatched">Agent runs started.</param>
/// <param name="Seconds">Wall time of the pass.</param>
/// <param name="AllocatedMb">Managed memory allocated during the pass.</param>
/// <param name="PeakWorkingSetMb">The process's working set at its highest during the pass (sampled).</param>
/// <param name="Waiting">Issues waiting for approval after the pass.</param>
/// <param name="Examined">Issues the pass decided (every open one on a full pass; what changed or is due on an incremental one).</param>
public sealed record StormPass(
    string Name,
    int Writes,
    IReadOnlyDictionary<string, int> ByKind,
    int IssuesWritten,
    int MostOnOneIssue,
    int Dispatched,
    double Seconds,
    double AllocatedMb,
    double PeakWorkingSetMb,
    int Waiting,
    int Examined = 0);
