namespace BusinessOps.Core.Agents;

/// <summary><c>policies/quality-gates.yml</c>: thresholds the QA agent applies.</summary>
public sealed record QualityGatesPolicy(double MinLineCoverage, double MinPassRate)
{
    public static QualityGatesPolicy Default { get; } = new(0.80, 0.95);
}
