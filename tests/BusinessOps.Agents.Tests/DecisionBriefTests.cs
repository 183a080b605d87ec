using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class DecisionBriefTests
{
    private static string Brief(string options) => FormBody.Of(("Decision", "How do we get a customer portal this year?"), ("Options", options));

    [Fact]
    public async Task DecisionBrief_ThreeOptions_WeightedRecommendationScenariosAndConfidenceBand()
    {
        var body = Brief("- Build in-house | 6 | 9 | 5 | 4 | 120000 | 200000\n- Buy SaaS | 8 | 6 | 8 | 9 | 40000 | 90000\n- Do nothing | 3 | 2 | 9 | 10 | 0 | 0");

        var run = await Agents.RunAsync(AgentNames.ProjectManager, body);

        // 0.4·8 + 0.3·6 + 0.2·8 + 0.1·9 = 7.5 vs 0.4·6 + 0.3·9 + 0.2·5 + 0.1·4 = 6.5; confidence 0.5 + 1/7.5.
        Assert.Equal("Buy SaaS", run.Str("recommendation"));
        Assert.Equal([7.5, 6.5, 4.6], run.Out("ranking").AsArray().Select(r => r!["score"]!.GetValue<double>()));
        Assert.Equal((0.63, "medium"), (run.Num("confidence"), run.Str("confidenceBand")));
        Assert.Equal((1.8125, 1.25, 0.35), (run.Out("scenarios")["optimistic"]!.GetValue<double>(), run.Out("scenarios")["realistic"]!.GetValue<double>(), run.Out("scenarios")["pessimistic"]!.GetValue<double>()));
        Assert.Equal(5.3, run.Num("paybackMonths"));
        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
    }

    [Fact]
    public async Task DecisionBrief_ClearWinner_HighConfidence()
    {
        var run = await Agents.RunAsync(AgentNames.ProjectManager, Brief("A | 10 | 10 | 10 | 10 | 1000 | 5000\nB | 1 | 1 | 1 | 1 | 1000 | 1000"));

        Assert.Equal("high", run.Str("confidenceBand"));
    }

    [Theory]
    [InlineData("A | 5 | 5 | 5 | 5 | 100 | 200")]
    [InlineData("A | 5 | 5 | 5 | 11 | 100 | 200\nB | 1 | 1 | 1 | 1 | 1 | 1")]
    [InlineData("A | 5 | 5 | 5 | 100 | 200\nB | 1 | 1 | 1 | 1 | 1 | 1")]
    public async Task DecisionBrief_BadOptions_BadInputNamesField(string options)
    {
        var run = await Agents.RunAsync(AgentNames.ProjectManager, Brief(options));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Options` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }
}
