using System.Globalization;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>
/// What one pass cost, as the fake server saw it: requests by kind, rate-limit cost, secondary-limit answers, and the
/// coordinator's own read/write counts (its <c>CountingIssueStore</c>), plus real and fake-clock time.
/// </summary>
public sealed record PassFigures(
    string Name,
    int Issues,
    RequestBreakdown Requests,
    long RateLimitCost,
    long NotModified,
    long SecondaryLimitResponses,
    int CoordinatorReads,
    int CoordinatorWrites,
    int Dispatched,
    TimeSpan Elapsed,
    TimeSpan FakeTime)
{
    /// <summary>GitHub writes per examined issue.</summary>
    public double WritesPerIssue => Issues == 0 ? 0 : (double)Requests.Writes / Issues;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Requests} cost={RateLimitCost} 304={NotModified} secondary={SecondaryLimitResponses} coordinator reads={CoordinatorReads} writes={CoordinatorWrites} dispatched={Dispatched} in {Elapsed.TotalSeconds:0.0} s (fake clock {FakeTime.TotalMinutes:0.#} min)");
}
