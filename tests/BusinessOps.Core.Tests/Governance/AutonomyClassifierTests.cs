using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class AutonomyClassifierTests
{
    private static readonly AutonomyPolicy Policy = AutonomyPolicy.Default;

    private static Classification With(
        Impact impact = Impact.Low,
        Complexity complexity = Complexity.Simple,
        Reversibility reversibility = Reversibility.EasilyReversible,
        decimal usd = 0m) =>
        new(impact, complexity, reversibility, Stakeholders.Internal, usd);

    private static AutonomyPolicy WithOverrides(params AutonomyOverride[] overrides) => Policy with { Overrides = overrides };

    [Fact]
    public void Level_Routine_IsL1()
    {
        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(Classification.Routine, Policy, AgentNames.Analytics, null));
    }

    [Theory]
    [InlineData("0", AutonomyLevel.L1)]
    [InlineData("999.99", AutonomyLevel.L1)]
    [InlineData("1000", AutonomyLevel.L2)]
    [InlineData("1000.01", AutonomyLevel.L2)]
    [InlineData("9999.99", AutonomyLevel.L2)]
    [InlineData("10000", AutonomyLevel.L2)]
    [InlineData("10000.01", AutonomyLevel.L3)]
    [InlineData("1000000", AutonomyLevel.L3)]
    public void ByClassification_FinancialBoundaries_MatchPolicy(string usd, AutonomyLevel expected)
    {
        var c = With(usd: decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, AutonomyClassifier.ByClassification(c, Policy));
    }

    [Theory]
    [InlineData(Impact.Low, AutonomyLevel.L1)]
    [InlineData(Impact.Medium, AutonomyLevel.L2)]
    [InlineData(Impact.High, AutonomyLevel.L2)]
    [InlineData(Impact.Critical, AutonomyLevel.L3)]
    public void ByClassification_Impact_MatchesPolicy(Impact impact, AutonomyLevel expected)
    {
        Assert.Equal(expected, AutonomyClassifier.ByClassification(With(impact: impact), Policy));
    }

    [Theory]
    [InlineData(Complexity.Simple, AutonomyLevel.L1)]
    [InlineData(Complexity.Moderate, AutonomyLevel.L2)]
    [InlineData(Complexity.Complex, AutonomyLevel.L2)]
    [InlineData(Complexity.Strategic, AutonomyLevel.L3)]
    public void ByClassification_Complexity_MatchesPolicy(Complexity complexity, AutonomyLevel expected)
    {
        Assert.Equal(expected, AutonomyClassifier.ByClassification(With(complexity: complexity), Policy));
    }

    [Theory]
    [InlineData(Reversibility.EasilyReversible, AutonomyLevel.L1)]
    [InlineData(Reversibility.Reversible, AutonomyLevel.L2)]
    [InlineData(Reversibility.DifficultToReverse, AutonomyLevel.L2)]
    [InlineData(Reversibility.Irreversible, AutonomyLevel.L3)]
    public void ByClassification_Reversibility_MatchesPolicy(Reversibility reversibility, AutonomyLevel expected)
    {
        Assert.Equal(expected, AutonomyClassifier.ByClassification(With(reversibility: reversibility), Policy));
    }

    [Fact]
    public void ByClassification_AnyL3CriterionWithOtherwiseRoutineWork_IsL3()
    {
        Assert.Equal(AutonomyLevel.L3, AutonomyClassifier.ByClassification(With(usd: 20000m), Policy));
    }

    [Fact]
    public void ByClassification_StricterPolicy_UsesPolicyThresholds()
    {
        var strict = Policy with
        {
            L1 = new L1Rule(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, 50m),
            L3 = new L3Rule(Impact.High, Complexity.Complex, Reversibility.DifficultToReverse, 500m),
        };

        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.ByClassification(With(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, 49.99m), strict));
        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.ByClassification(With(usd: 50m), strict));
        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.ByClassification(With(usd: 500m), strict));
        Assert.Equal(AutonomyLevel.L3, AutonomyClassifier.ByClassification(With(usd: 500.01m), strict));
        Assert.Equal(AutonomyLevel.L3, AutonomyClassifier.ByClassification(With(impact: Impact.High), strict));
    }

    [Fact]
    public void Level_AgentOverride_Applies()
    {
        var p = WithOverrides(new AutonomyOverride(AgentNames.Finance, null, AutonomyLevel.L3));

        Assert.Equal(AutonomyLevel.L3, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "finance/invoice"));
        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Analytics, "analytics/report"));
    }

    [Fact]
    public void Level_AgentOverrideByShortName_Applies()
    {
        var p = WithOverrides(new AutonomyOverride("finance", null, AutonomyLevel.L2));

        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, null));
    }

    [Fact]
    public void Level_OperationOverride_BeatsAgentOverrideWhateverTheOrder()
    {
        var p = WithOverrides(
            new AutonomyOverride(AgentNames.Finance, null, AutonomyLevel.L3),
            new AutonomyOverride(null, "finance/invoice", AutonomyLevel.L2));

        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "finance/invoice"));
    }

    [Fact]
    public void Level_AgentAndOperationOverride_BeatsBoth()
    {
        var p = WithOverrides(
            new AutonomyOverride(null, "finance/invoice", AutonomyLevel.L2),
            new AutonomyOverride(AgentNames.Finance, null, AutonomyLevel.L3),
            new AutonomyOverride(AgentNames.Finance, "finance/invoice", AutonomyLevel.L1));

        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(With(usd: 50000m), p, AgentNames.Finance, "finance/invoice"));
    }

    [Fact]
    public void Level_AgentAndOperationOverrideWithOnlyAgentMatching_DoesNotApply()
    {
        var p = WithOverrides(
            new AutonomyOverride(AgentNames.Finance, "finance/payroll", AutonomyLevel.L3),
            new AutonomyOverride(AgentNames.Finance, null, AutonomyLevel.L2));

        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "finance/invoice"));
    }

    [Fact]
    public void Level_OperationOverrideWithoutOperationLabel_DoesNotApply()
    {
        var p = WithOverrides(new AutonomyOverride(null, "finance/invoice", AutonomyLevel.L3));

        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, null));
    }

    [Fact]
    public void Level_OperationOverrideWildcard_MatchesPrefixCaseInsensitive()
    {
        var p = WithOverrides(new AutonomyOverride(null, "finance/*", AutonomyLevel.L3));

        Assert.Equal(AutonomyLevel.L3, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "Finance/Invoice"));
        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "financeX/invoice"));
    }

    [Fact]
    public void Level_EquallySpecificOverrides_FirstListedWins()
    {
        var p = WithOverrides(
            new AutonomyOverride(null, "finance/invoice", AutonomyLevel.L2),
            new AutonomyOverride(null, "finance/*", AutonomyLevel.L3));

        Assert.Equal(AutonomyLevel.L2, AutonomyClassifier.Level(Classification.Routine, p, AgentNames.Finance, "finance/invoice"));
    }

    [Fact]
    public void Level_OverrideCanLowerTheLevel()
    {
        var p = WithOverrides(new AutonomyOverride(null, "operations/monitoring", AutonomyLevel.L1));

        Assert.Equal(AutonomyLevel.L1, AutonomyClassifier.Level(With(impact: Impact.Critical), p, AgentNames.Operations, "operations/monitoring"));
    }
}
