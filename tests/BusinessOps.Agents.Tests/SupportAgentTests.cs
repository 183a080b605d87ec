using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Support;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class SupportAgentTests : IClassFixture<FakeOpenAiServer>
{
    private static readonly IReadOnlyList<KnowledgeArticle> Knowledge =
    [
        new("knowledge/refunds.md", "Refunds for duplicate charges", "# Refunds for duplicate charges\n\nIf your card was charged twice, we refund the duplicate charge within 5 business days. No action is needed."),
        new("knowledge/invoices.md", "Download an invoice", "# Download an invoice\n\nOpen Billing, then Invoices, and click Download to get a PDF copy of any invoice for your accounting."),
        new("knowledge/sso.md", "Set up SSO with SAML", "# Set up SSO with SAML\n\nAdmins configure SAML single sign-on under Settings, Security."),
    ];

    private readonly FakeOpenAiServer _model;

    public SupportAgentTests(FakeOpenAiServer model) => _model = model;

    [Fact]
    public async Task Support_LostAllCustomerData_CriticalAndEscalates()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "Help: we lost all our customer data after this morning's import.")), title: "Data gone");

        Assert.Equal("critical", run.Str("severity"));
        Assert.Equal("technical", run.Str("category"));
        Assert.True(run.Out("escalate").GetValue<bool>());
        Assert.Contains("data loss", run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
    }

    [Theory]
    [InlineData("We suspect a breach: someone logged in from an unknown country.", "security concern")]
    [InlineData("The dashboard is down and unavailable for all users.", "outage")]
    [InlineData("Checkout has been down since 6am.", "outage")]
    public async Task Support_SecurityOrOutage_EscalatesAtOnce(string text, string reason)
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", text)));

        Assert.Contains(reason, run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("critical", run.Str("severity"));
    }

    [Theory]
    [InlineData("The drop-down menu on the settings page has a typo.")]
    [InlineData("Scroll down the invoices page: the last column is cut off.")]
    public async Task Support_DownThatIsNoOutage_NeitherCriticalNorEscalated(string text)
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", text)));

        Assert.Empty(run.Out("escalationReasons").AsArray());
        Assert.NotEqual("critical", run.Str("severity"));
    }

    [Fact]
    public async Task Support_EnterpriseClient_EscalatesEvenForAQuestion()
    {
        var context = new DispatchContext { Client = new ClientProfile("acme") { Attributes = new Dictionary<string, string> { ["plan"] = "Enterprise" } } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "Question: how do I export a report?")), context: context);

        Assert.Equal(["enterprise customer"], run.Out("escalationReasons").AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Support_RefundRequest_BillingRefund()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "I'd like a refund for last month, we did not use the product.")), title: "Refund");

        Assert.Equal(("billing", "refund", "billing team"), (run.Str("category"), run.Str("subcategory"), run.Str("queue")));
        Assert.False(run.Out("escalate").GetValue<bool>());
    }

    [Theory]
    [InlineData("The API returns 429 too many requests after 10 calls", "rate-limiting")]
    [InlineData("Where is the documentation for the webhooks guide?", "api-integration")]
    [InlineData("Please change our payment method to bank transfer", "payment-method")]
    public async Task Support_Subcategories_FromPolicy(string text, string subcategory)
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", text)));

        Assert.Equal(subcategory, run.Str("subcategory"));
    }

    [Fact]
    public async Task Support_KnowledgeBase_AnswersFromBestArticleCitesItAndAutoResolves()
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "How do I download an invoice PDF for accounting?")), context: context, title: "Invoice copy");

        Assert.Equal("knowledge/invoices.md", run.Out("sources").AsArray()[0]!["source"]!.GetValue<string>());
        Assert.StartsWith("Open Billing, then Invoices", run.Str("answer"), StringComparison.Ordinal);
        Assert.True(run.Out("autoResolved").GetValue<bool>());
        Assert.Contains("`knowledge/invoices.md`", run.Result.Plan, StringComparison.Ordinal);
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
    }

    [Fact]
    public async Task Support_OnlyAnUnrelatedArticleMatches_NoAnswerDraftedNorProposed()
    {
        // The invoices article shares one word ("click") with the ticket: 1 of its 7 terms, below minAnswerCoverage.
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "The export button on the reports page gives an error when I click it.")), context: context);

        Assert.Null(run.Result.Outputs["answer"]);
        Assert.Empty(run.Out("sources").AsArray());
        Assert.Empty(run.Result.Effects);
        Assert.DoesNotContain("### Drafted answer", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_HowDoIResetMyPassword_AnsweredFromTheArticleAndAutoResolved()
    {
        // "how", "do", "I", "my" say nothing about the subject: the ticket's terms are "password" and "reset", both in the article.
        var password = new KnowledgeArticle("knowledge/password.md", "Reset a password", "# Reset a password\n\nUse Forgot password on the sign-in page; the reset link is valid for 30 minutes.");
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = [.. Knowledge, password] } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "How do I reset my password?")), context: context, title: "Password");

        Assert.Equal(("authentication", "knowledge/password.md"), (run.Str("subcategory"), run.Out("sources").AsArray()[0]!["source"]!.GetValue<string>()));
        Assert.Equal(1.0, run.Out("sources").AsArray()[0]!["coverage"]!.GetValue<double>());
        Assert.True(run.Out("autoResolved").GetValue<bool>());
    }

    [Fact]
    public async Task Support_NoCustomerNamed_ReplyGreetsWithoutAName()
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "How do I download an invoice PDF for accounting?")), context: context, title: "Invoice copy");

        Assert.StartsWith("Hello,\n\nOpen Billing, then Invoices", BusinessOps.Core.Effects.EffectParameters.Text(run.Result.Effects[0].Parameters, "body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_EscalatedTicketWithAnswer_NeverAutoResolved()
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "SSO login is down for everyone, SAML fails")), context: context);

        Assert.False(run.Out("autoResolved").GetValue<bool>());
        Assert.Equal("knowledge/sso.md", run.Out("sources").AsArray()[0]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Support_HighTicketOpenFiveHours_FourHourEscalationReached()
    {
        var created = Agents.Created;
        var issue = new IssueSnapshot(7, "Locked out", FormBody.Of(("Description", "We are locked out and unable to work, urgent.")), IssueState.Open, [], "alice", created, created.AddHours(5), []);

        var run = await AgentHost.ProcessAsync(new SupportAgent(ProseDrafter.None), issue, "local/ops#7/a1/plan", "plan", null, CancellationToken.None);

        var rules = run.Out("timeEscalations").AsArray();
        Assert.Equal([4.0, 72.0], rules.Select(r => r!["afterHours"]!.GetValue<double>()));
        Assert.Equal([true, false], rules.Select(r => r!["reached"]!.GetValue<bool>()));
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Escalate to the support team lead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Support_BusinessTemplate_RendersWithIssueTextEscaped()
    {
        var template = new CommentTemplate("templates/support.sbn", "Hello {{ customer }} — {{ category }}/{{ severity }}");
        var context = new DispatchContext { Policies = new AgentPolicies { Template = template } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "Refund please"), ("Customer", "<img src=x onerror=alert(1)> @acme/all {{ 7 * 7 }}")), context: context);

        Assert.StartsWith("Hello ", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("@acme", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("49", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("— billing/high", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_ShippedTemplate_RendersLikeTheBuiltIn()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        var shipped = new CommentTemplate("templates/support.sbn", await File.ReadAllTextAsync(Path.Combine(dir.FullName, "policies", "templates", "support.sbn")));
        var body = FormBody.Of(("Description", "My card was charged twice, please refund the duplicate charge."));

        var builtIn = await Agents.RunAsync(AgentNames.Support, body, context: new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge } });
        var edited = await Agents.RunAsync(AgentNames.Support, body, context: new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge, Template = shipped } });

        Assert.Equal(builtIn.Result.Plan, edited.Result.Plan);
        Assert.Contains("### Drafted answer", edited.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_BrokenTemplate_BuiltInUsedAndNoteNamesFileAndLine()
    {
        var template = new CommentTemplate("templates/support.sbn", "line one\n{{ for x in }}\n");
        var context = new DispatchContext { Policies = new AgentPolicies { Template = template } };

        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "Refund please")), context: context);

        Assert.StartsWith("**Triage:** billing/refund", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Note: templates/support.sbn:2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Support_LanguageModelConfigured_AnswerDraftedByModelAndTokensCosted()
    {
        _model.FailWith = null;
        var baseline = await RunWithModelAsync(null);

        var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

        Assert.Equal(_model.Reply, run.Str("answer"));
        Assert.True(run.Out("answerFromModel").GetValue<bool>());
        Assert.Contains("fake-model", _model.LastBody, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-test", _model.LastAuthorization);

        // 1,000 input tokens at $0.15/M + 500 output tokens at $0.60/M.
        Assert.Equal(0.00045m, run.Result.CostUsd - baseline.Result.CostUsd);
        Assert.Equal("billing", run.Str("category"));
    }

    [Fact]
    public async Task Support_LanguageModelFails_DeterministicAnswerWithNote()
    {
        _model.FailWith = 500;
        try
        {
            var run = await RunWithModelAsync(LanguageModelEndpoint.From(_model.BaseUrl, "sk-test"));

            Assert.StartsWith("If your card was charged twice", run.Str("answer"), StringComparison.Ordinal);
            Assert.False(run.Out("answerFromModel").GetValue<bool>());
            Assert.Contains(run.Result.Actions, a => a.Contains("language model answered HTTP 500", StringComparison.Ordinal));
        }
        finally
        {
            _model.FailWith = null;
        }
    }

    [Fact]
    public async Task Support_ModelNamedButNoEndpoint_NothingChanges()
    {
        var run = await RunWithModelAsync(null);

        Assert.False(run.Out("answerFromModel").GetValue<bool>());
        Assert.DoesNotContain(run.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    private static Task<AgentRun> RunWithModelAsync(LanguageModelEndpoint? endpoint)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Knowledge = Knowledge, LanguageModel = new LanguageModelPolicy { Model = "fake-model", TimeoutSeconds = 10 } } };
        var issue = Agents.Issue(FormBody.Of(("Description", "My card was charged twice, please refund the duplicate charge.")), title: "Charged twice");
        return AgentHost.ProcessAsync(new SupportAgent(new ProseDrafter(endpoint)), issue, "local/ops#7/a1/plan", "plan", context, CancellationToken.None);
    }
}
