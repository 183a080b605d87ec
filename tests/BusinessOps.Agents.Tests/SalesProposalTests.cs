using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 (sales): proposal with the pricing table from pricing.yml, discount approval; issue 11: the email to the lead.</summary>
public sealed class SalesProposalTests : IClassFixture<FakeOpenAiServer>
{
    private readonly FakeOpenAiServer _model;

    public SalesProposalTests(FakeOpenAiServer model) => _model = model;

    private static string Proposal(string discount = "10", string seats = "20", string billing = "annual", string email = "jane@globex.com", string plan = "business") =>
        FormBody.Of(("Company", "Globex Corporation"), ("Contact name", "Jane"), ("Contact email", email), ("Plan", plan), ("Seats", seats), ("Billing", billing), ("Discount", discount), ("Term (months)", "12"));

    [Fact]
    public async Task Proposal_BusinessPlan20SeatsAnnual10Percent_KnownPricing()
    {
        var run = await Agents.RunAsync(AgentNames.Sales, Proposal());

        // 20 × $79 = $1,580; annual 15 % = $237 → $1,343; negotiated 10 % = $134.30 → $1,208.70; × 12 = $14,504.40.
        Assert.Equal((1580.0, 237.0, 134.3, 1208.7, 14504.4), (run.Num("listMonthly"), run.Num("annualDiscount"), run.Num("negotiatedDiscount"), run.Num("netMonthly"), run.Num("termTotal")));
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.False(run.Out("approvalNeeded").GetValue<bool>());
        Assert.Contains("| Item | Detail | Amount |\n|---|---|---:|\n| business plan | 20 seats × $79.00 per month | $1,580.00 |\n| Annual billing discount | 15 % | -$237.00 |\n"
            + "| Negotiated discount | 10 % | -$134.30 |\n| **Net per month** | annual billing | **$1,208.70** |\n| **Total over 12 months** | | **$14,504.40** |", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposal_DiscountAboveThreshold_NeedsTheDirectorsApproval()
    {
        var run = await Agents.RunAsync(AgentNames.Sales, Proposal(discount: "20"));

        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
        Assert.Equal("sales-director", run.Str("approver"));
        Assert.StartsWith("Request approval from sales-director: a 20 % discount", run.Result.Actions[0], StringComparison.Ordinal);
        Assert.Contains("**Discount approval:**", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposal_DiscountAtThreshold_NoApprovalNeeded()
    {
        var run = await Agents.RunAsync(AgentNames.Sales, Proposal(discount: "15"));

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Null(run.Result.Outputs["approver"]);
    }

    [Fact]
    public async Task Proposal_Effect_IsTheProposalEmailToTheLeadsAddress()
    {
        var run = await Agents.RunAsync(AgentNames.Sales, Proposal(billing: "monthly", discount: "0"));

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.EmailSend, "jane@globex.com"), (effect.Kind, effect.Target));
        Assert.Equal("Proposal: business plan for Globex Corporation", EffectParameters.Text(effect.Parameters, "subject"));
        Assert.Contains("Net per month (monthly billing): $1,580.00", EffectParameters.Text(effect.Parameters, "body"), StringComparison.Ordinal);
        Assert.Contains("Total over 12 months: $18,960.00", EffectParameters.Text(effect.Parameters, "body"), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(effect));
    }

    [Theory]
    [InlineData("not-an-address", "20", "business", "Field `Contact email` is invalid")]
    [InlineData("jane@globex.com", "3", "business", "Field `Seats` is invalid: expected a whole number of seats, at least 5 for the business plan, got `3`.")]
    [InlineData("jane@globex.com", "20", "platinum", "Field `Plan` is invalid: expected one of `starter`, `business`, `enterprise`, got `platinum`.")]
    public async Task Proposal_BadInput_ClearMessageExit2(string email, string seats, string plan, string message)
    {
        var run = await Agents.RunAsync(AgentNames.Sales, Proposal(email: email, seats: seats, plan: plan));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_ScoringModel_ComesFromPolicy()
    {
        var rules = SalesRules.Default with { Authority = new Dictionary<string, int> { ["decision-maker"] = 10, ["influencer"] = 5, ["user"] = 0, ["unknown"] = 0 } };
        var context = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Sales = rules } } };
        var body = FormBody.Of(("Company", "Globex"), ("Budget", "$120,000"), ("Authority", "decision-maker"), ("Need", "critical"), ("Timing", "immediate"));

        var run = await Agents.RunAsync(AgentNames.Sales, body, context: context);

        Assert.Equal((85.0, "A"), (run.Num("score"), run.Str("grade")));
    }

    [Fact]
    public async Task Proposal_BusinessTemplate_RendersEscapedAndBrokenOneFallsBackWithFileAndLine()
    {
        var good = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/sales.sbn", "Offer for {{ company }}: {{ net_monthly }}") } };
        var body = FormBody.Of(("Company", "<b>Evil</b> @team"), ("Contact email", "a@b.co"), ("Plan", "starter"), ("Seats", "2"));

        var run = await Agents.RunAsync(AgentNames.Sales, body, context: good);
        var broken = await Agents.RunAsync(AgentNames.Sales, body, context: new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/sales.sbn", "x\n{{ if }}") } });

        Assert.StartsWith("Offer for &lt;b&gt;Evil", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("@team", run.Result.Plan, StringComparison.Ordinal);
        Assert.EndsWith(": $58.00\n", run.Result.Plan, StringComparison.Ordinal);
        Assert.StartsWith("## Proposal for", broken.Result.Plan, StringComparison.Ordinal);
        Assert.Contains(broken.Result.Actions, a => a.StartsWith("Note: templates/sales.sbn:2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proposal_LanguageModel_WritesTheNarrativeOnlyAndIsCosted()
    {
        _model.FailWith = null;
        var plain = await RunWithModelAsync(null);

        var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

        Assert.True(run.Out("narrativeFromModel").GetValue<bool>());
        Assert.Contains(_model.Reply, run.Result.Plan, StringComparison.Ordinal);
        Assert.Equal(plain.Num("termTotal"), run.Num("termTotal"));
        Assert.Contains("$14,504.40", EffectParameters.Text(Assert.Single(run.Result.Effects).Parameters, "body"), StringComparison.Ordinal);
        Assert.Equal(0.00045m, run.Result.CostUsd - plain.Result.CostUsd);
    }

    [Fact]
    public async Task Proposal_LanguageModelFails_DeterministicNarrativeWithNote()
    {
        _model.FailWith = 503;
        try
        {
            var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

            Assert.False(run.Out("narrativeFromModel").GetValue<bool>());
            Assert.Contains("Thank you for considering us, Jane.", run.Result.Plan, StringComparison.Ordinal);
            Assert.Contains(run.Result.Actions, a => a.Contains("language model answered HTTP 503", StringComparison.Ordinal));
        }
        finally
        {
            _model.FailWith = null;
        }
    }

    private static Task<AgentRun> RunWithModelAsync(LanguageModelEndpoint? endpoint)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = 10 } } };
        return AgentHost.ProcessAsync(new SalesAgent(new ProseDrafter(endpoint)), Agents.Issue(Proposal()), "local/ops#7/a1/plan", "plan", context, CancellationToken.None);
    }
}
