namespace BusinessOps.Policies.Tests;

public sealed class RoutingValidationTests
{
    [Fact]
    public void Load_UnknownAgent_ReportsPositionAndValidNames()
    {
        var text = """
            # routing
            rules:
              - match: dev/qa
                agent: ai-qa-agent
              - match: sales/*
                description: Sales
                agent: ai-seller-agent
            """;

        var error = Load.SingleError(Load.One("routing.yml", text));

        Assert.StartsWith("routing.yml:7:12: unknown agent 'ai-seller-agent' (did you mean 'ai-sales-agent'?); expected one of ai-architect-agent, ai-developer-agent,", error);
        Assert.EndsWith("ai-operations-agent, ai-security-agent", error);
    }

    [Fact]
    public void Load_ShortAgentName_NormalizesToExecutableName()
    {
        var result = Load.One("routing.yml", "rules:\n  - match: dev/qa\n    agent: qa\n");

        Assert.True(result.IsValid);
        Assert.Equal("ai-qa-agent", Assert.Single(result.Policies.Routing.Rules).Agent);
    }

    [Fact]
    public void Load_DuplicatePattern_ReportsSecondOccurrenceAndFirstLine()
    {
        var text = """
            rules:
              - match: dev/qa
                agent: ai-qa-agent
              - match: dev/qa
                agent: ai-developer-agent
            """;

        Assert.Equal(
            "routing.yml:4:12: duplicate pattern 'dev/qa'; it is already routed on line 2 (first match wins, so this rule would never apply)",
            Load.SingleError(Load.One("routing.yml", text)));
    }

    [Fact]
    public void Load_ExactRuleAfterItsFamily_ReportsUnreachableRule()
    {
        var text = """
            rules:
              - match: dev/*
                agent: ai-developer-agent
              - match: dev/qa
                agent: ai-qa-agent
            """;

        Assert.Equal(
            "routing.yml:4:12: rule 'dev/qa' can never apply: 'dev/*' on line 2 comes first and matches it; move this rule above that one",
            Load.SingleError(Load.One("routing.yml", text)));
    }

    [Theory]
    [InlineData("Dev/QA", "label pattern 'Dev/QA' must be lowercase ('dev/qa')")]
    [InlineData("dev", "invalid label pattern 'dev'; expected 'family/name' or 'family/*'")]
    [InlineData("dev/q*", "label pattern 'dev/q*' has a wildcard in the wrong place")]
    [InlineData("dev//qa", "invalid label pattern 'dev//qa'")]
    [InlineData("dev qa/x", "invalid label pattern 'dev qa/x'")]
    [InlineData("status/done", "label pattern 'status/done' uses the family 'status/', which the coordinator manages itself")]
    [InlineData("abcdefghijklmnopqrstuvwxyz/abcdefghijklmnopqrstuvwxyz", "label pattern 'abcdefghijklmnopqrst…' is 53 characters long; GitHub allows at most 50")]
    public void Load_InvalidPattern_ReportsWhatIsExpected(string pattern, string message)
    {
        var error = Load.SingleError(Load.One("routing.yml", $"rules:\n  - match: '{pattern}'\n    agent: qa\n"));

        Assert.StartsWith("routing.yml:2:12: " + message, error);
    }

    [Fact]
    public void Load_UnknownKeyInRule_SuggestsClosestAndListsAllowed()
    {
        var result = Load.One("routing.yml", "rules:\n  - match: dev/qa\n    agnet: qa\n");

        Assert.Equal(
            [
                "routing.yml:2:5: 'rules[1]' is missing the required key 'agent'",
                "routing.yml:3:5: unknown key 'agnet' in 'rules[1]' (did you mean 'agent'?); allowed keys: match, agent, description",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_RuleWithoutAgent_ReportsMissingRequiredKeyAtRule()
    {
        Assert.Equal(
            "routing.yml:2:5: 'rules[1]' is missing the required key 'agent'",
            Load.SingleError(Load.One("routing.yml", "rules:\n  - match: dev/qa\n")));
    }

    [Fact]
    public void Load_RulesNotAList_ReportsWrongType()
    {
        Assert.Equal(
            "routing.yml:1:8: 'rules' must be a list (lines starting with '- ', or [a, b]); found 'dev/qa'",
            Load.SingleError(Load.One("routing.yml", "rules: dev/qa\n")));
    }

    [Fact]
    public void Load_DescriptionOver100Characters_ReportsLength()
    {
        var error = Load.SingleError(Load.One("routing.yml", $"rules:\n  - match: dev/qa\n    agent: qa\n    description: {new string('x', 101)}\n"));

        Assert.Equal("routing.yml:4:18: 'description' is 101 characters long; at most 100 are allowed", error);
    }

    [Fact]
    public void Load_EmptyRules_ReportsError()
    {
        Assert.Equal(
            "routing.yml:1:8: 'rules' is empty; list at least one rule, or delete routing.yml to use the embedded defaults",
            Load.SingleError(Load.One("routing.yml", "rules: []\n")));
    }
}
