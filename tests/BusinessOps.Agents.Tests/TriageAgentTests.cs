using BusinessOps.Agents.Marketing;
using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class TriageAgentTests
{
    [Fact]
    public async Task Manager_OutageText_OperationsP0()
    {
        var body = FormBody.Of(("Request", "Since 09:10 the checkout endpoint returns 503 for all customers. Looks like an outage; health check is red."));

        var run = await Agents.RunAsync(AgentNames.Manager, body, title: "Checkout is down");

        Assert.Equal("operations/monitoring", run.Str("suggestedLabel"));
        Assert.Equal(AgentNames.Operations, run.Str("suggestedAgent"));
        Assert.Equal("priority/P0", run.Str("suggestedPriority"));
        Assert.Equal(0.86, run.Result.Confidence);
    }

    [Fact]
    public async Task Manager_EmptyRequest_FallsBackToTitle()
    {
        var run = await Agents.RunAsync(AgentNames.Manager, FormBody.Of(("Request", string.Empty)), title: "Vendor invoice needs payment approval");

        Assert.Equal("finance/analysis", run.Str("suggestedLabel"));
        Assert.Equal("priority/P3", run.Str("suggestedPriority"));
    }

    [Fact]
    public async Task Manager_TriageFromContext_UsesPolicyKeywordsNotBuiltIns()
    {
        var routes = new DispatchContext { Policies = new AgentPolicies { Triage = [new TriageRoute("finance/analysis", AgentNames.Finance, ["widget"])] } };

        var run = await Agents.RunAsync(AgentNames.Manager, FormBody.Of(("Request", "The widget outage needs a look")), context: routes, title: "widget");

        // "outage" would route to operations with the built-in table; the policy only knows "widget".
        Assert.Equal("finance/analysis", run.Str("suggestedLabel"));
        Assert.Equal(AgentNames.Finance, run.Str("suggestedAgent"));
    }

    [Fact]
    public async Task Manager_NoKeywords_LowConfidenceNoLabel()
    {
        var run = await Agents.RunAsync(AgentNames.Manager, FormBody.Of(("Request", "hello there")), title: "hi");

        Assert.Null(run.Result.Outputs["suggestedLabel"]);
        Assert.Equal(0.2, run.Result.Confidence);
    }

    [Fact]
    public async Task Support_DoubleCharge_BillingHigh()
    {
        var body = FormBody.Of(("Description", "Our card was charged twice for the November subscription. Please refund the duplicate payment."), ("Customer", "Acme"));

        var run = await Agents.RunAsync(AgentNames.Support, body, title: "Charged twice");

        Assert.Equal(("billing", "refund", "high"), (run.Str("category"), run.Str("subcategory"), run.Str("severity")));
    }

    [Fact]
    public async Task Support_LoginFailure_TechnicalAuthentication()
    {
        var body = FormBody.Of(("Description", "None of our admins can log in since the password reset; the login page shows an error."));

        var run = await Agents.RunAsync(AgentNames.Support, body, title: "Login broken");

        Assert.Equal(("technical", "authentication", "medium"), (run.Str("category"), run.Str("subcategory"), run.Str("severity")));
    }

    [Fact]
    public async Task Support_ProductionOutage_Critical()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "The API is down for all users and requests fail with error 500.")), title: "Outage");

        Assert.Equal("technical", run.Str("category"));
        Assert.Equal("critical", run.Str("severity"));
        Assert.Equal(Core.Results.Impact.High, run.Result.Classification!.Impact);
    }

    [Fact]
    public async Task Support_FeatureWish_FeatureLow()
    {
        var run = await Agents.RunAsync(AgentNames.Support, FormBody.Of(("Description", "We would like a feature to export reports to Excel.")), title: "Idea");

        Assert.Equal(("feature", "reporting", "low"), (run.Str("category"), run.Str("subcategory"), run.Str("severity")));
    }

    [Theory]
    [InlineData("readability", 5)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("the", 1)]
    [InlineData("automation", 4)]
    public void Syllables_Heuristic_CountsVowelGroups(string word, int expected)
    {
        Assert.Equal(expected, TextStats.Syllables(word));
    }

    [Fact]
    public void SeoAnalyze_KnownPage_Metrics()
    {
        var input = new SeoInput(
            new string('t', 55),
            new string('m', 155),
            "cats",
            "# Cats\n\nCats are great. I love cats.\n\n## More\n\nMore text here about dogs.\n\n```\ncats cats cats\n```\n");

        var r = SeoAnalyzer.Analyze(input);

        Assert.Equal(13, r.Words);
        Assert.Equal(3, r.KeywordOccurrences);
        Assert.Equal(23.08, r.KeywordDensity);
        Assert.Equal((1, 1), (r.H1Count, r.H2Count));
        Assert.Equal(5, r.Sentences);
        Assert.Equal(80, r.Score);
        Assert.Contains(r.Recommendations, x => x.StartsWith("Keyword density is 23.08 %", StringComparison.Ordinal));
    }

    [Fact]
    public void SeoAnalyze_SimpleSentence_Flesch()
    {
        var r = SeoAnalyzer.Analyze(new SeoInput("t", "m", "cat", "The cat sat on the mat."));

        Assert.Equal(116.1, r.FleschReadingEase);
    }

    [Fact]
    public async Task Marketing_GoodSample_HighScore()
    {
        var sample = SampleIssues.Build(new DateOnly(2026, 11, 2)).First(s => s.Agent == AgentNames.Marketing);

        var run = await Agents.RunAsync(AgentNames.Marketing, sample.Body);

        Assert.Equal(57, run.Num("titleLength"));
        Assert.InRange(run.Num("metaDescriptionLength"), 150, 160);
        Assert.InRange(run.Num("keywordDensity"), 1, 3);
        Assert.Equal(100, run.Num("score"));
    }
}
