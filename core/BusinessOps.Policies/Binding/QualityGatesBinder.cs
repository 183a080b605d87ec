using BusinessOps.Core.Agents;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>quality-gates.yml</c>: <c>minLineCoverage</c> and <c>minPassRate</c>, fractions or percentages.</summary>
internal static class QualityGatesBinder
{
    public static QualityGatesPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = QualityGatesPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "minLineCoverage", "minPassRate") is not { } file)
        {
            return fallback;
        }

        var coverage = file.Get("minLineCoverage") is { } c ? read.Fraction(c, "minLineCoverage") : null;
        var passRate = file.Get("minPassRate") is { } p ? read.Fraction(p, "minPassRate") : null;
        return new QualityGatesPolicy(coverage ?? fallback.MinLineCoverage, passRate ?? fallback.MinPassRate);
    }
}
