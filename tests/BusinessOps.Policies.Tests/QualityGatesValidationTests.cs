namespace BusinessOps.Policies.Tests;

public sealed class QualityGatesValidationTests
{
    [Theory]
    [InlineData("0.8", 0.8)]
    [InlineData("80%", 0.8)]
    [InlineData("100%", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("'0.9'", 0.9)]
    public void Load_FractionOrPercentage_BindsFraction(string written, double expected)
    {
        var result = Load.One("quality-gates.yml", $"minLineCoverage: {written}\nminPassRate: 95%\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Policies.QualityGates.MinLineCoverage, 10);
        Assert.Equal(0.95, result.Policies.QualityGates.MinPassRate, 10);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("-0.1")]
    [InlineData("eighty")]
    [InlineData("101%")]
    public void Load_NotAFraction_ReportsExpectedShape(string written)
    {
        Assert.Equal(
            $"quality-gates.yml:1:18: 'minLineCoverage' must be a fraction from 0 to 1 (e.g. 0.75) or a percentage (e.g. 75%); found '{written}'",
            Load.SingleError(Load.One("quality-gates.yml", $"minLineCoverage: {written}\n")));
    }

    [Fact]
    public void Load_MisspeltKey_SuggestsCorrectKey()
    {
        Assert.Equal(
            "quality-gates.yml:1:1: unknown key 'minCoverage' at the top level (did you mean 'minLineCoverage'?); allowed keys: minLineCoverage, minPassRate, minSecurityScore, minPerformanceScore, maxRegression",
            Load.SingleError(Load.One("quality-gates.yml", "minCoverage: 0.8\n")));
    }
}
