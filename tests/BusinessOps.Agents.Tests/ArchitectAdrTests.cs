using BusinessOps.Agents.Architecture;
using BusinessOps.Agents.Samples;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Core;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 and 11 for the architect agent: component diagram, risks with mitigations, the ADR as a draft pull request.</summary>
public sealed class ArchitectAdrTests
{
    private static string Decision(params (string, string)[] more) => FormBody.Of(
    [
        ("Decision", "Choose a message queue for order events"),
        ("Options", "Kafka\nRabbitMQ\nSQS"),
        ("Criteria", "throughput: 3\noperability: 2\ncost: 1"),
        ("Scores", "Kafka: 5, 2, 3\nRabbitMQ: 3, 4, 4\nSQS: 4, 5, 2"),
        .. more,
    ]);

    [Fact]
    public async Task Architect_Decided_AdrAsDraftPullRequest()
    {
        var run = await Agents.RunAsync(AgentNames.Architect, Decision());

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        var pr = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.GitHubPullRequest, "#7"), (pr.Kind, pr.Target));
        Assert.Equal("ADR: Choose a message queue for order events", EffectParameters.Text(pr.Parameters, "title"));
        var file = Assert.Single(EffectParameters.Items(pr.Parameters, "files"));
        Assert.Equal("docs/adr/0007-choose-a-message-queue-for-order-events.md", file.GetProperty("path").GetString());
        Assert.Equal(run.Result.Plan, file.GetProperty("content").GetString());
        Assert.Empty(EffectSchemas.Validate(pr));
    }

    [Fact]
    public async Task Architect_WinnerWeakOnCost_RiskWithBudgetMitigation()
    {
        var run = await Agents.RunAsync(AgentNames.Architect, Decision(("Risks", "Vendor outage: run in two regions\nTeam has no SQS experience")));

        var risks = run.Out("risks").AsArray().Select(r => (r!["risk"]!.GetValue<string>(), r["mitigation"]!.GetValue<string>())).ToList();
        Assert.Contains(risks, r => r.Item1 == "SQS is weak on cost (2/5)" && r.Item2.StartsWith("Set a budget alert", StringComparison.Ordinal));
        Assert.Contains(("Vendor outage", "run in two regions"), risks);
        Assert.Contains(risks, r => r.Item1 == "Team has no SQS experience" && r.Item2.StartsWith("No mitigation given", StringComparison.Ordinal));
        Assert.Contains("### Risks and mitigations", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Architect_NoComponents_DiagramOfTheRankedOptionsWithTheWinnerMarked()
    {
        var run = await Agents.RunAsync(AgentNames.Architect, Decision());

        Assert.Contains("```mermaid\nflowchart LR\n  d([\"Choose a message queue for order events\"])\n  d --> o1[\"SQS (4.00)\"]:::chosen\n", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Architect_Components_DiagramArrowsWithLabels()
    {
        var run = await Agents.RunAsync(AgentNames.Architect, Decision(("Components", "Checkout -> SQS: order events\nSQS -> Fulfilment")));

        Assert.Contains("  c1[\"Checkout\"] -->|\"order events\"| c2[\"SQS\"]:::chosen\n  c2 --> c3[\"Fulfilment\"]\n", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentDiagram_HostileLabel_QuotesAndMarkupAsEntities()
    {
        var label = ComponentDiagram.Label("x\"] --> evil[\"<img src=x onerror=alert(1)>` @team");

        Assert.DoesNotContain('"', label);
        Assert.DoesNotContain('<', label);
        Assert.DoesNotContain('`', label);
        Assert.DoesNotContain('@', label);
        Assert.StartsWith("x#quot;] --#gt; evil[#quot;#lt;img", label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Architect_CloseCall_NoPullRequestAndCloseCallRisk()
    {
        var body = FormBody.Of(("Decision", "Pick a database"), ("Options", "A\nB"), ("Criteria", "speed: 1\nfamiliarity: 1"), ("Scores", "A: 3, 5\nB: 5, 3"));

        var run = await Agents.RunAsync(AgentNames.Architect, body);

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.Empty(run.Result.Effects);
        Assert.Contains(run.Out("risks").AsArray(), r => r!["risk"]!.GetValue<string>().StartsWith("Close call: B is within 0.00 of A", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Components", "Checkout and SQS", "Field `Components` is invalid")]
    [InlineData("Components", "-> SQS", "Field `Components` is invalid")]
    public async Task Architect_BadComponents_BadInput(string field, string value, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.Architect, Decision((field, value)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(expected, run.Result.Summary, StringComparison.Ordinal);
    }
}
