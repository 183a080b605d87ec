using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Policies.Tests;

public sealed class AutonomyValidationTests
{
    [Fact]
    public void Load_ValidAutonomy_BindsEveryField()
    {
        var text = """
            mode: full-auto
            levels:
              L1: {maxImpact: medium, maxComplexity: moderate, maxReversibility: reversible, financialBelowUsd: 500}
              L3: {minImpact: high, minComplexity: complex, minReversibility: difficult_to_reverse, financialAboveUsd: 5000}
            overrides:
              - agent: devops
                operation: dev/deploy
                level: L2
              - operation: finance/*
                level: L3
            disabled: [marketing, ai-sales-agent]
            risk: {dailySpendLimitUsd: 100, dailySpendLimitPerClientUsd: 25.5, approvalThresholdUsd: 2, confidenceThreshold: 70%, reviewSampleRate: 0.1}
            """;

        var result = Load.One("autonomy.yml", text);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var a = result.Policies.Autonomy;
        Assert.Equal(AutonomyMode.FullAuto, a.Mode);
        Assert.Equal(new L1Rule(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, 500m), a.L1);
        Assert.Equal(new L3Rule(Impact.High, Complexity.Complex, Reversibility.DifficultToReverse, 5000m), a.L3);
        Assert.Equal([new AutonomyOverride("ai-devops-agent", "dev/deploy", AutonomyLevel.L2), new AutonomyOverride(null, "finance/*", AutonomyLevel.L3)], a.Overrides);
        Assert.Equal(["ai-marketing-agent", "ai-sales-agent"], a.DisabledAgents);
        Assert.Equal(new RiskControls(100m, 25.5m, 2m, 0.7, 0.1), a.Risk);
    }

    [Fact]
    public void Load_BadMode_ListsModes()
    {
        Assert.Equal(
            "autonomy.yml:1:7: 'mode' must be one of manual, semi-auto, full-auto; found 'semiauto' (did you mean 'semi-auto'?)",
            Load.SingleError(Load.One("autonomy.yml", "mode: semiauto\n")));
    }

    [Fact]
    public void Load_BadReversibilitySpelling_ListsSnakeCaseValues()
    {
        Assert.Equal(
            "autonomy.yml:3:23: 'maxReversibility' must be one of easily_reversible, reversible, difficult_to_reverse, irreversible; found 'easily-reversible' (did you mean 'easily_reversible'?)",
            Load.SingleError(Load.One("autonomy.yml", "levels:\n  L1:\n    maxReversibility: easily-reversible\n")));
    }

    [Fact]
    public void Load_OverlappingLevels_ReportsOverlap()
    {
        var error = Load.SingleError(Load.One("autonomy.yml", "levels:\n  L1: {maxImpact: critical}\n"));

        Assert.Equal("autonomy.yml:2:7: levels overlap: L1 maxImpact 'critical' must be below L3 minImpact 'critical'", error);
    }

    [Fact]
    public void Load_L2Key_ReportsUnknownKeyWithAllowedLevels()
    {
        var error = Load.SingleError(Load.One("autonomy.yml", "levels:\n  L2: {}\n"));

        Assert.Equal("autonomy.yml:2:3: unknown key 'L2' in 'levels'; allowed keys: L1, L3", error);
    }

    [Fact]
    public void Load_OverrideWithoutAgentOrOperation_ReportsWhatIsNeeded()
    {
        Assert.Equal(
            "autonomy.yml:2:5: 'overrides[1]' needs 'agent', 'operation' or both, to say what the level applies to",
            Load.SingleError(Load.One("autonomy.yml", "overrides:\n  - level: L1\n")));
    }

    [Fact]
    public void Load_OverrideBadLevelAndUnknownAgent_ReportsBoth()
    {
        var result = Load.One("autonomy.yml", "overrides:\n  - agent: ai-robot-agent\n    level: L4\n");

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("autonomy.yml:2:12: unknown agent 'ai-robot-agent'", result.Errors[0].ToString());
        Assert.Equal("autonomy.yml:3:12: 'level' must be one of L1, L2, L3; found 'L4'", result.Errors[1].ToString());
    }

    [Fact]
    public void Load_OverrideOperationNotRouted_ReportsCrossFileError()
    {
        var error = Load.SingleError(Load.One("autonomy.yml", "overrides:\n  - operation: hr/hiring\n    level: L3\n"));

        Assert.Equal("autonomy.yml:2:16: override operation 'hr/hiring' matches no rule in routing.yml; use a routed label such as 'operations/monitoring'", error);
    }

    [Fact]
    public void Load_DisabledUnknownAgent_ListsValidNames()
    {
        var error = Load.SingleError(Load.One("autonomy.yml", "disabled: [secruity]\n"));

        Assert.StartsWith("autonomy.yml:1:12: unknown agent 'secruity' (did you mean 'ai-security-agent'?); expected one of ai-architect-agent,", error);
    }

    [Fact]
    public void Load_RiskValuesOutOfRange_ReportsEach()
    {
        var result = Load.One("autonomy.yml", "risk:\n  dailySpendLimitUsd: $50\n  reviewSampleRate: 2\n");

        Assert.Equal(
            [
                "autonomy.yml:2:23: 'dailySpendLimitUsd' must be an amount in US dollars, 0 or more, written without '$' or separators (e.g. 1000 or 12.50); found '$50'",
                "autonomy.yml:3:21: 'reviewSampleRate' must be a fraction from 0 to 1 (e.g. 0.75) or a percentage (e.g. 75%); found '2'",
            ],
            result.Errors.Select(e => e.ToString()));
    }
}
