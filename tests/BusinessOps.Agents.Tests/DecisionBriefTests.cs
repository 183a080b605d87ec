using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.ProjectManagement;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class DecisionBriefTests : IClassFixture<FakeOpenAiServer>
{
    private const string ThreeOptions = "- Build in-house | 6 | 9 | 5 | 4 | 120000 | 200000\n- Buy SaaS | 8 | 6 | 8 | 9 | 40000 | 90000\n- Do nothing | 3 | 2 | 9 | 10 | 0 | 0";

    private readonly FakeOpenAiServer _model;

    public DecisionBriefTests(FakeOpenAiServer model) => _model = model;

    private static string Brief(string options) => FormBody.Of(("Decision", "How do we get a customer portal this year?"), ("Options", options));

    [Fact]
    public async Task DecisionBrief_ThreeOptions_WeightedRecommendationScenariosAndConfidenceBand()
    {
        var body = Brief(ThreeOptions);

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

    [Fact]
    public async Task DecisionBrief_NoModel_StandardSummaryFromTheFigures()
    {
        var run = await Agents.RunAsync(AgentNames.ProjectManager, Brief(ThreeOptions));

        const string expected = "Buy SaaS is recommended: it scores 7.50 on the weighted criteria against 6.50 for Build in-house, the runner-up. In the realistic scenario it returns 125 % on its $40,000 cost and pays back in 5.3 months. Confidence is medium (63 %); a 30-day pilot with one team tests it before the rollout, with Build in-house as the fallback.";
        Assert.Equal(expected, run.Str("briefSummary"));
        Assert.False(run.Out("summaryFromModel").GetValue<bool>());
        Assert.Contains("**Summary:** " + expected, run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecisionBrief_LanguageModel_WritesTheSummaryOnlyAndIsCosted()
    {
        var reply = _model.Reply;
        _model.Reply = "Buying the SaaS portal wins on cost and speed.\n## @everyone <b>now</b>";
        try
        {
            var plain = await RunWithModelAsync(null);

            var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

            Assert.True(run.Out("summaryFromModel").GetValue<bool>());
            Assert.Equal(_model.Reply, run.Str("briefSummary"));

            // The model's text is one neutralised paragraph: no heading, no ping, no HTML.
            Assert.Contains("**Summary:** Buying the SaaS portal wins on cost and speed. ## @\u200Deveryone &lt;b&gt;now&lt;/b&gt;\n", run.Result.Plan, StringComparison.Ordinal);
            Assert.Contains("Buy SaaS: 7.50; cost $40,000", _model.LastBody, StringComparison.Ordinal);
            Assert.Contains("realistic 125 %", _model.LastBody, StringComparison.Ordinal);

            // Everything but the summary paragraph is the deterministic brief.
            foreach (var name in new[] { "recommendation", "confidence", "confidenceBand", "ranking", "scenarios", "paybackMonths", "steps", "successMetrics" })
            {
                Assert.Equal(plain.Out(name).ToJsonString(), run.Out(name).ToJsonString());
            }

            Assert.Equal(plain.Result.Summary, run.Result.Summary);
            Assert.Equal(plain.Result.Confidence, run.Result.Confidence);
            Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
            static string Tables(string? plan) => plan![plan!.IndexOf("| Option", StringComparison.Ordinal)..];
            Assert.Equal(Tables(plain.Result.Plan), Tables(run.Result.Plan));

            // 1,000 input tokens at $0.15/M + 500 output tokens at $0.60/M.
            Assert.Equal(0.00045m, run.Result.CostUsd - plain.Result.CostUsd);
        }
        finally
        {
            _model.Reply = reply;
        }
    }

    [Fact]
    public async Task DecisionBrief_LanguageModelFails_StandardSummaryWithNote()
    {
        _model.FailWith = 502;
        try
        {
            var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

            Assert.False(run.Out("summaryFromModel").GetValue<bool>());
            Assert.StartsWith("Buy SaaS is recommended: it scores 7.50", run.Str("briefSummary"), StringComparison.Ordinal);
            Assert.Contains(run.Result.Actions, a => a == "Note: The language model answered HTTP 502; the standard wording is used.");
            Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        }
        finally
        {
            _model.FailWith = null;
        }
    }

    [Fact]
    public async Task DecisionBrief_LanguageModelHangs_StandardSummaryWithNote()
    {
        _model.Hang = true;
        try
        {
            var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"), timeoutSeconds: 0.5);

            Assert.False(run.Out("summaryFromModel").GetValue<bool>());
            Assert.StartsWith("Buy SaaS is recommended", run.Str("briefSummary"), StringComparison.Ordinal);
            Assert.Contains(run.Result.Actions, a => a.Contains("did not answer within 0.5 s", StringComparison.Ordinal));
        }
        finally
        {
            _model.Hang = false;
        }
    }

    private static Task<AgentRun> RunWithModelAsync(LanguageModelEndpoint? endpoint, double timeoutSeconds = 10)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = timeoutSeconds } } };
        return AgentHost.ProcessAsync(new ProjectManagerAgent(new ProseDrafter(endpoint)), Agents.Issue(Brief(ThreeOptions)), "local/ops#7/a1/plan", "plan", context, CancellationToken.None);
    }
}
