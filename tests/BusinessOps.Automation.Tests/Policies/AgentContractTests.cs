using BusinessOps.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Automation.Tests.Policies;

/// <summary>
/// Issue 12 (trial): <c>policies validate</c> holds workflows, triggers and templates to what the shipped agents require
/// and write (BusinessOps.Core.Agents.AgentOperations), each problem at its file:line:column.
/// </summary>
public sealed class AgentContractTests
{
    private static IReadOnlyList<PolicyError> Contracts(string file, string text)
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { [file] = text });
        Assert.True(result.IsValid, string.Join("\n", result.Errors)); // the engine still loads it: only validate refuses
        return result.ContractErrors;
    }

    [Fact]
    public void Step_InputsNamedByTopic_ErrorAtItsAgentSaysWhatEachOperationLacks()
    {
        var error = Assert.Single(Contracts("workflows/w.yml", "steps:\n  - id: content\n    agent: marketing\n    inputs:\n      topic: { value: x }\n"));

        Assert.Equal(("workflows/w.yml", 3, 12), (error.File, error.Line, error.Column));
        Assert.Contains("step 'content' gives ai-marketing-agent the fields topic", error.Message, StringComparison.Ordinal);
        Assert.Contains("seo-review lacks Page title, Meta description, Focus keyword, Content", error.Message, StringComparison.Ordinal);
        Assert.Contains("marketing-campaign lacks Campaign, Audience, Budget, Start date, End date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_MapsAnOutputItsProducerNeverWrites_ErrorAtTheInputWithDidYouMean()
    {
        const string Yaml = """
            steps:
              - id: design
                agent: architect
                inputs:
                  Decision: { value: Which queue? }
                  Options: { value: [Kafka, SQS] }
                  Criteria: { value: "cost: 1" }
                  Scores: { value: "Kafka: 2\nSQS: 4" }
              - id: implement
                agent: developer
                needs: [design]
                inputs:
                  Feature: design.outputs.recommend
                  Acceptance criteria: { value: It works }
            """;

        var error = Assert.Single(Contracts("workflows/w.yml", Yaml));

        Assert.Equal((13, 16), (error.Line, error.Column));
        Assert.Contains("input 'Feature' maps 'design.outputs.recommend', but ai-architect-agent never writes 'recommend'", error.Message, StringComparison.Ordinal);
        Assert.Contains("recommended", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_ReviewedByAnAgentThatNeverScores_ErrorAtTheReview()
    {
        var error = Assert.Single(Contracts("workflows/w.yml", "steps:\n  - id: t\n    agent: analytics\n    review:\n      agent: manager\n"));

        Assert.Equal(5, error.Line);
        Assert.Contains("can never pass: ai-manager-agent writes neither 'approved' nor 'score'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_OutputSchemaDeclaresWhatTheAgentNeverWrites_Error()
    {
        var error = Assert.Single(Contracts("workflows/w.yml", "steps:\n  - id: t\n    agent: analytics\n    outputSchema:\n      type: object\n      properties:\n        draft: { type: string }\n"));

        Assert.Contains("the output schema of step 't' declares 'draft', but ai-analytics-agent never writes 'draft'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_OnAFieldNoAgentWrites_ErrorAtWhen_AndItsIssueLackingFields_ErrorAtIssue()
    {
        const string Yaml = """
            thresholds:
              - id: low
                watch: marketing
                when: engagement_rate < 0.05
                issue:
                  title: "{value}"
                  agent: customer-success
                  fields:
                    Task: look
            """;

        var errors = Contracts("triggers.yml", Yaml);

        Assert.Equal(2, errors.Count);
        Assert.Equal((4, 11), (errors[0].Line, errors[0].Column));
        Assert.Contains("no agent writes 'engagement_rate', so this rule never trips", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(6, errors[1].Line);
        Assert.Contains("the issue of threshold 'low' gives ai-customer-success-agent the fields Task", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_OnAFieldAnotherAgentWrites_SaysWhichAgentDoes()
    {
        var error = Assert.Single(Contracts("triggers.yml", "thresholds:\n  - id: h\n    watch: marketing\n    when: margin < 1\n    issue:\n      title: t\n      agent: analytics\n"));

        Assert.Contains("ai-marketing-agent never writes 'margin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ai-architect-agent write(s) 'margin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_RoutedByLabelToAnOperationItCannotFill_Error()
    {
        var error = Assert.Single(Contracts("triggers.yml", "feeds:\n  - id: f\n    url: https://example.com/feed.xml\n    issue:\n      title: \"{title}\"\n      labels: [marketing/seo]\n      fields:\n        Content: \"{summary}\"\n"));

        Assert.Contains("routes by 'marketing/seo' to ai-marketing-agent (seo-review), which requires Page title, Meta description, Focus keyword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_IssueForFinanceWithOnlyATask_Error()
    {
        var error = Assert.Single(Contracts("schedules.yml", "schedules:\n  - id: billing\n    cron: \"0 6 1 * *\"\n    issue:\n      title: Billing\n      agent: finance\n      fields:\n        Task: invoices\n"));

        Assert.Equal(5, error.Line);
        Assert.Contains("the issue of schedule 'billing' gives ai-finance-agent the fields Task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_StepsAndRulesTheAgentsCanServe_NoError()
    {
        Assert.Empty(Contracts("workflows/w.yml", "steps:\n  - id: t\n    agent: analytics\n    review:\n      role: operations-manager\n  - id: d\n    agent: developer\n    needs: [t]\n    inputs:\n      Feature: t.outputs.briefing\n      Acceptance criteria: { value: ok }\n"));
        Assert.Empty(Contracts("triggers.yml", "thresholds:\n  - id: h\n    watch: customer-success\n    when: score falls by 10\n    issue:\n      title: t\n      agent: analytics\n"));
    }
}
