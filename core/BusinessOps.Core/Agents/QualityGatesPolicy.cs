namespace BusinessOps.Core.Agents;

/// <summary>
/// <c>policies/quality-gates.yml</c>: the four gates the QA agent applies — line coverage and pass rate from the test
/// reports, the security score of the security agent's latest result, and the performance score of a benchmark
/// comparison against its baseline (the share of benchmarks that did not regress more than <see cref="MaxRegression"/>).
/// </summary>
public sealed record QualityGatesPolicy(double MinLineCoverage, double MinPassRate)
{
    public static QualityGatesPolicy Default { get; } = new(0.80, 0.95);

    /// <summary>Lowest security score (0–1 of the security agent's 0–100 score) for a passing gate.</summary>
    public double MinSecurityScore { get; init; } = 0.85;

    /// <summary>Lowest performance score (share of benchmarks within <see cref="MaxRegression"/> of their baseline).</summary>
    public double MinPerformanceScore { get; init; } = 0.90;

    /// <summary>A benchmark slower than its baseline by more than this fraction has regressed.</summary>
    public double MaxRegression { get; init; } = 0.10;
}
