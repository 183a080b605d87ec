using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Policies.Tests;

/// <summary>The agents' own policy files: strict binding with file:line errors, templates parsed, knowledge read.</summary>
public sealed class AgentRulesLoaderTests
{
    [Fact]
    public void Load_SupportRules_Bound()
    {
        var result = Load.One("support.yml", """
            categories:
              - name: billing
                queue: money desk
                fallback: billing-question
                subcategories:
                  - name: refund
                    keywords: [refund, chargeback]
            enterprisePlans: [gold]
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var support = result.Policies!.Agents.Rules.Support!;
        Assert.Equal("money desk", Assert.Single(support.Categories).Queue);
        Assert.Equal(["gold"], support.EnterprisePlans);
        Assert.Equal(SupportRules.Default.Severities.Select(s => s.Name), support.Severities.Select(s => s.Name));
    }

    [Fact]
    public void Load_MisspeltKey_ErrorWithFileAndLine()
    {
        var error = Load.SingleError(Load.One("support.yml", "enterprisePlans: [gold]\nenterprisePlan: [silver]\n"));

        Assert.StartsWith("support.yml:2:", error, StringComparison.Ordinal);
        Assert.Contains("enterprisePlan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MinAnswerCoverageAboveOne_ErrorAtTheKey()
    {
        var error = Load.SingleError(Load.One("support.yml", "enterprisePlans: [gold]\nminAnswerCoverage: 25\n"));

        Assert.StartsWith("support.yml:2:", error, StringComparison.Ordinal);
        Assert.Contains("25 is not a fraction from 0 to 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WeightsNotSummingToOne_ErrorAtWeights()
    {
        var error = Load.SingleError(Load.One("customer-success.yml", "trendPoints: 5\nweights:\n  - {field: Usage, group: usage, weight: 0.5}\n"));

        Assert.StartsWith("customer-success.yml:3:", error, StringComparison.Ordinal);
        Assert.Contains("weights must sum to 1 (they sum to 0.5)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RetryMessageNotATemplate_ErrorAtTheMessage()
    {
        var error = Load.SingleError(Load.One("finance.yml", "recovery:\n  retries:\n    - day: 1\n      message: \"Hi {{ for x in }}\"\n"));

        Assert.StartsWith("finance.yml:4:", error, StringComparison.Ordinal);
        Assert.Contains("not a valid template", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateWithError_FileLineColumn()
    {
        var error = Load.SingleError(Load.One("templates/support.sbn", "Hello\n{{ for x in }}\n"));

        Assert.StartsWith("templates/support.sbn:2:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateAndKnowledge_OnTheBook()
    {
        var result = Load.Many(("templates/support.sbn", "Hi {{ customer }}"), ("knowledge/refunds.md", "# Refunds\n\nWe refund within 5 days."));

        Assert.True(result.IsValid);
        var book = result.Policies!.Agents;
        Assert.Equal("templates/support.sbn", book.Templates["support"].File);
        Assert.Equal("Refunds", Assert.Single(book.Knowledge).Title);
        var support = book.For("ai-support-agent", new Core.Agents.AgentPolicies());
        Assert.NotNull(support.Template);
        Assert.NotNull(support.Knowledge);
        Assert.Null(book.For("ai-finance-agent", new Core.Agents.AgentPolicies()).Knowledge);
    }

    [Fact]
    public void Load_QualityGatesFourGates_Bound()
    {
        var gates = Load.One("quality-gates.yml", "minSecurityScore: 90%\nminPerformanceScore: 0.8\nmaxRegression: 5%\n").Policies!.QualityGates;

        Assert.Equal((0.8, 0.95, 0.9, 0.8, 0.05), (gates.MinLineCoverage, gates.MinPassRate, gates.MinSecurityScore, gates.MinPerformanceScore, gates.MaxRegression));
    }

    [Fact]
    public void Load_LanguageModel_OffUnlessNamed()
    {
        Assert.Null(Load.One("routing.yml", "routes: []\n").Policies?.Agents.LanguageModel.Model);
        var on = Load.One("language-model.yml", "model: gpt-4o-mini\ntimeoutSeconds: 5\n");

        Assert.Equal("gpt-4o-mini", on.Policies!.Agents.LanguageModel.Model);
        Assert.Equal("gpt-4o-mini", on.Policies.Agents.For("ai-support-agent", new Core.Agents.AgentPolicies()).LanguageModel!.Model);
    }
}
