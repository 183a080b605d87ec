using BusinessOps.Core.Agents;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>quality-gates.yml</c>: <c>minLineCoverage</c>, <c>minPassRate</c>, <c>minSecurityScore</c>, <c>minPerformanceScore</c>
/// and <c>maxRegression</c>, fractions or percentages.
/// </summary>
internal static class QualityGatesBinder
{
    public static QualityGatesPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = QualityGatesPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "minLineCoverage", "minPassRate", "minSecurityScore", "minPerformanceScore", "maxRegression") is not { } file)
        {
            return fallback;
        }

        double? Fraction(string key) => file.Get(key) is { } v ? read.Fraction(v, key) : null;
        return new QualityGatesPolicy(Fraction("minLineCoverage") ?? fallback.MinLineCoverage, Fraction("minPassRate") ?? fallback.MinPassRate)
        {
            MinSecurityScore = Fraction("minSecurityScore") ?? fallback.MinSecurityScore,
            MinPerformanceScore = Fraction("minPerformanceScore") ?? fallback.MinPerformanceScore,
            MaxRegression = Fraction("maxRegression") ?? fallback.MaxRegression,
        };
    }
}
