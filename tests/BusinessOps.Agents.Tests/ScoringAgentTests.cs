using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class ScoringAgentTests
{
    [Fact]
    public async Task CustomerSuccess_FixedMetrics_WeightedScoreAndBand()
    {
        // 0.25·80 + 0.15·60 + 0.10·70 + 0.15·90 + 0.10·50 + 0.10·40 + 0.10·100 + 0.05·20 = 69.5
        var body = FormBody.Of(("Customer", "Acme"), ("Active usage", "80"), ("Feature adoption", "60"), ("Login frequency", "70"), ("Support health", "90"),
            ("Training completion", "50"), ("Survey score", "40"), ("Payment health", "100"), ("Contract growth", "20"));

        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, body);

        Assert.Equal(69.5, run.Num("score"));
        Assert.Equal("engagement", run.Str("band"));
        Assert.StartsWith("Start the engagement campaign", run.Str("intervention"), StringComparison.Ordinal);
        Assert.Equal("L1", run.Str("autonomy"));
    }

    [Theory]
    [InlineData(100, "advocacy")]
    [InlineData(90, "advocacy")]
    [InlineData(89.9, "expansion")]
    [InlineData(70, "expansion")]
    [InlineData(50, "engagement")]
    [InlineData(30, "retention")]
    [InlineData(29.9, "emergency")]
    [InlineData(0, "emergency")]
    public void HealthBand_Boundaries_Match(double score, string band)
    {
        var rules = Core.Agents.Rules.CustomerSuccessRules.Default;
        var metrics = rules.Weights.ToDictionary(w => w.Field, _ => score);

        Assert.Equal(band, CustomerSuccess.HealthScore.Compute(metrics, null, null, rules).Band.Name);
    }

    [Fact]
    public async Task CustomerSuccess_MetricOutOfRange_BadInput()
    {
        var body = FormBody.Of(("Customer", "Acme"), ("Active usage", "180"));

        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, body);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("Field `Active usage` is invalid: expected a number from 0 to 100, got `180`.", run.Result.Summary);
    }

    [Theory]
    [InlineData("$120,000", "decision-maker", "critical", "immediate", 100, "A")]
    [InlineData("50000", "influencer", "high", "this-quarter", 75, "B")]
    [InlineData("10000", "user", "medium", "next-quarter", 44, "C")]
    [InlineData("5000", "user", "low", "unknown", 18, "D")]
    public async Task Sales_Bant_ScoreAndGrade(string budget, string authority, string need, string timing, int score, string grade)
    {
        var body = FormBody.Of(("Company", "Globex"), ("Budget", budget), ("Authority", authority), ("Need", need), ("Timing", timing));

        var run = await Agents.RunAsync(AgentNames.Sales, body);

        Assert.Equal(score, run.Num("score"));
        Assert.Equal(grade, run.Str("grade"));
    }

    [Fact]
    public async Task Sales_UnknownAuthorityValue_ListsChoices()
    {
        var body = FormBody.Of(("Company", "Globex"), ("Budget", "1000"), ("Authority", "ceo"), ("Need", "low"), ("Timing", "unknown"));

        var run = await Agents.RunAsync(AgentNames.Sales, body);

        Assert.Equal("Field `Authority` is invalid: expected one of `decision-maker`, `influencer`, `user`, `unknown`, got `ceo`.", run.Result.Summary);
    }

    [Fact]
    public async Task Architect_Matrix_RanksByNormalizedWeights()
    {
        var sample = SampleIssues.Build(new DateOnly(2026, 11, 2)).First(s => s.Agent == AgentNames.Architect);

        var run = await Agents.RunAsync(AgentNames.Architect, sample.Body);
        var ranking = run.Out("ranking").AsArray();

        // weights 3:2:1 → .5/.333/.167; SQS 4.333, Kafka 3.667, RabbitMQ 3.5
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["SQS", "Kafka", "RabbitMQ"], ranking.Select(r => r!["option"]!.GetValue<string>()));
        Assert.Equal([4.333, 3.667, 3.5], ranking.Select(r => r!["score"]!.GetValue<double>()));
        Assert.Equal(0.5, run.Out("weights")["throughput"]!.GetValue<double>());
        Assert.Contains("### Decision matrix", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("### Consequences", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("Choose **SQS**", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Architect_Tie_NeedsDecision()
    {
        var sample = SampleIssues.Build(new DateOnly(2026, 11, 2)).Where(s => s.Agent == AgentNames.Architect).ElementAt(1);

        var run = await Agents.RunAsync(AgentNames.Architect, sample.Body);

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.Equal(0, run.Num("margin"));
    }

    [Fact]
    public async Task Architect_ScoreOutOfRange_BadInput()
    {
        var body = FormBody.Of(("Decision", "x"), ("Options", "A\nB"), ("Criteria", "cost: 1"), ("Scores", "A: 6\nB: 3"));

        var run = await Agents.RunAsync(AgentNames.Architect, body);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Scores` is invalid: expected one line per option", run.Result.Summary, StringComparison.Ordinal);
    }
}
