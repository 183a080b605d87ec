using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 (marketing): the campaign plan as a channel calendar; issue 11: its sends to the email-service webhook on their dates.</summary>
public sealed class MarketingCampaignTests : IClassFixture<FakeOpenAiServer>
{
    private readonly FakeOpenAiServer _model;

    public MarketingCampaignTests(FakeOpenAiServer model) => _model = model;

    private static string Brief(string start = "2026-12-01", string end = "2026-12-10", string channels = "", string budget = "10000") =>
        FormBody.Of(("Campaign", "Winter launch"), ("Audience", "operations leads at agencies"), ("Budget", budget), ("Start date", start), ("End date", end),
            ("Channels", channels), ("Message", "Run your operations from GitHub issues."));

    [Fact]
    public async Task Campaign_TenDaysWithThreeSendsInWindow_ThreeDatedWebhooksToTheEmailService()
    {
        var run = await Agents.RunAsync(AgentNames.Marketing, Brief());

        // Sequence days 0, 3, 7, 12: the first three fall inside 2026-12-01..2026-12-10.
        Assert.Equal(3, run.Result.Effects.Count);
        Assert.All(run.Result.Effects, e => Assert.Equal((EffectKinds.WebhookPost, CampaignAgent.EmailServiceEndpoint, CampaignAgent.SendEvent), (e.Kind, e.Target, EffectParameters.Text(e.Parameters, "event"))));
        Assert.Equal(["2026-12-01", "2026-12-04", "2026-12-08"], run.Result.Effects.Select(e => e.Parameters.GetProperty("data").GetProperty("sendOn").GetString()));
        Assert.Equal("Winter launch — Announce", run.Result.Effects[0].Parameters.GetProperty("data").GetProperty("subject").GetString());
        Assert.All(run.Result.Effects, e => Assert.Null(EffectShape.Problem(e)));
    }

    [Fact]
    public async Task Campaign_BudgetSplitByPolicyShares_AndCadence()
    {
        var run = await Agents.RunAsync(AgentNames.Marketing, Brief());

        var channels = run.Out("channels").AsArray().ToDictionary(c => c!["channel"]!.GetValue<string>(), c => c!);
        Assert.Equal(2000m, channels["email"]["budget"]!.GetValue<decimal>());
        Assert.Equal(3000m, channels["linkedin"]["budget"]!.GetValue<decimal>());
        Assert.Equal(3500m, channels["search-ads"]["budget"]!.GetValue<decimal>());

        // linkedin every 3 days from 12-01 to 12-10: 01, 04, 07, 10; search ads daily: 10 days.
        Assert.Equal(4, channels["linkedin"]["posts"]!.GetValue<int>());
        Assert.Equal(10, channels["search-ads"]["posts"]!.GetValue<int>());
        Assert.Equal(750m, channels["linkedin"]["perPost"]!.GetValue<decimal>());
        Assert.Contains("|---|---|---:|---:|---:|---|\n| email | newsletter | $2,000.00 | 3 | $666.67 | 2026-12-01, 2026-12-04, 2026-12-08 |\n| linkedin | post | $3,000.00 | 4 | $750.00 | 2026-12-01, 2026-12-04, 2026-12-07, 2026-12-10 |\n", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("### Email sequence (sent through the email-service webhook once approved)\n1. 2026-12-01: Announce: the problem and the offer\n2. 2026-12-04:", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_ChosenChannelsWithoutEmail_BudgetRenormalisedAndNoSends()
    {
        var run = await Agents.RunAsync(AgentNames.Marketing, Brief(channels: "linkedin, blog"));

        Assert.Empty(run.Result.Effects);
        var channels = run.Out("channels").AsArray();
        Assert.Equal(["linkedin", "blog"], channels.Select(c => c!["channel"]!.GetValue<string>()));
        Assert.Equal([6666.67m, 3333.33m], channels.Select(c => c!["budget"]!.GetValue<decimal>()));
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-01", "", "Field `End date` is invalid")]
    [InlineData("2026-12-01", "2026-12-10", "tiktok", "Field `Channels` is invalid: expected channels from marketing.yml")]
    [InlineData("next week", "2026-12-10", "", "Field `Start date` is invalid")]
    public async Task Campaign_BadInput_ClearMessageExit2(string start, string end, string channels, string message)
    {
        var run = await Agents.RunAsync(AgentNames.Marketing, Brief(start, end, channels));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_LanguageModel_WritesTheCopyDatesAndAmountsUnchanged()
    {
        _model.FailWith = null;
        var context = new DispatchContext { Policies = new AgentPolicies { LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = 10 } } };
        var agent = new MarketingAgent(new ProseDrafter(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test")));

        var run = await AgentHost.ProcessAsync(agent, Agents.Issue(Brief()), "local/ops#7/a1/plan", "plan", context, CancellationToken.None);
        var plain = await Agents.RunAsync(AgentNames.Marketing, Brief());

        Assert.Equal(_model.Reply, run.Str("copy"));
        Assert.True(run.Out("copyFromModel").GetValue<bool>());
        Assert.StartsWith(_model.Reply, run.Result.Effects[0].Parameters.GetProperty("data").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(plain.Out("channels").ToJsonString(), run.Out("channels").ToJsonString());
        Assert.Equal(0.00045m, run.Result.CostUsd - plain.Result.CostUsd);
    }

    [Fact]
    public async Task Campaign_LanguageModelHangs_DeterministicCopyWithNote()
    {
        _model.Hang = true;
        try
        {
            var context = new DispatchContext { Policies = new AgentPolicies { LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = 0.5 } } };
            var agent = new MarketingAgent(new ProseDrafter(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test")));

            var run = await AgentHost.ProcessAsync(agent, Agents.Issue(Brief()), "local/ops#7/a1/plan", "plan", context, CancellationToken.None);

            Assert.Equal("Run your operations from GitHub issues.", run.Str("copy"));
            Assert.Contains(run.Result.Actions, a => a.Contains("did not answer within 0.5 s", StringComparison.Ordinal));
            Assert.Equal(3, run.Result.Effects.Count);
        }
        finally
        {
            _model.Hang = false;
        }
    }

    [Fact]
    public async Task Seo_StillRendersFromTheTemplate()
    {
        var body = FormBody.Of(("Page title", "Pricing"), ("Meta description", "Our prices."), ("Focus keyword", "pricing"), ("Content", "# Pricing\n\nSee our pricing."));

        var run = await Agents.RunAsync(AgentNames.Marketing, body);

        Assert.StartsWith("**SEO score ", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("### Recommendations", run.Result.Plan, StringComparison.Ordinal);
    }
}
