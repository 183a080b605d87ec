using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Triggers;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Tests.Triggers;

public sealed class TriggerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ThresholdRule Rule(string id, string when, string? watch = AgentNames.Marketing)
    {
        Assert.True(ThresholdParser.TryParse(when, out var condition, out var problem), problem);
        return new ThresholdRule(id, watch, condition!, TimeSpan.FromDays(1),
            new IssueTemplate("{field} is {value} for {client}", AgentNames.Marketing, ["marketing/content"], Priority.P2, [new FormField("Task", "was {previous}, from {issue}")]));
    }

    private static ObservedResult Result(string outputs, string? previous = null, string agent = AgentNames.Marketing, string? client = "acme") =>
        new(agent, 40, client, JsonNode.Parse(outputs)!.AsObject(), previous is null ? null : JsonNode.Parse(previous)!.AsObject());

    [Fact]
    public void Evaluate_BelowThreshold_OpensAFollowUpWithTheValuesThatTrippedIt()
    {
        var fire = Assert.Single(TriggerEvaluator.Evaluate([Rule("low-engagement", "engagement_rate < 0.05")], Result("""{"engagement_rate":0.031}"""), Noon, new HashSet<string>()));

        Assert.Equal("low-engagement/acme/2026-03-10T00:00:00Z", fire.Key);
        Assert.Equal("engagement_rate is 0.031 for acme", fire.Issue.Title);
        Assert.Contains("client/acme", fire.Issue.Labels);
        var body = fire.Issue.ToNewIssue().Body;
        Assert.Contains("engagement_rate &lt; 0.05 — engagement_rate = 0.031, from #40 (ai-marketing-agent)", body, StringComparison.Ordinal);
        Assert.True(AutomationMarker.TryParse(body, out var key));
        Assert.Equal(new AutomationKey(AutomationKinds.Trigger, fire.Key), key);
    }

    [Fact]
    public void Evaluate_AboveThreshold_OrOtherAgent_OrMissingField_DoesNothing()
    {
        var rule = Rule("low-engagement", "engagement_rate < 0.05");

        Assert.Empty(TriggerEvaluator.Evaluate([rule], Result("""{"engagement_rate":0.2}"""), Noon, new HashSet<string>()));
        Assert.Empty(TriggerEvaluator.Evaluate([rule], Result("""{"engagement_rate":0.01}""", agent: AgentNames.Sales), Noon, new HashSet<string>()));
        Assert.Empty(TriggerEvaluator.Evaluate([rule], Result("""{"engagement_rate":"low"}"""), Noon, new HashSet<string>()));
    }

    [Fact]
    public void Evaluate_FallsBy_ComparesWithThePreviousValue()
    {
        var rule = Rule("health-drop", "health_score falls by 10", AgentNames.CustomerSuccess);

        var fell = TriggerEvaluator.Evaluate([rule], Result("""{"health_score":68}""", """{"health_score":80}""", AgentNames.CustomerSuccess), Noon, new HashSet<string>());
        var slight = TriggerEvaluator.Evaluate([rule], Result("""{"health_score":75}""", """{"health_score":80}""", AgentNames.CustomerSuccess), Noon, new HashSet<string>());
        var first = TriggerEvaluator.Evaluate([rule], Result("""{"health_score":10}""", null, AgentNames.CustomerSuccess), Noon, new HashSet<string>());

        Assert.Equal(80, Assert.Single(fell).Previous);
        Assert.Empty(slight);
        Assert.Empty(first);
    }

    [Fact]
    public void Evaluate_Cooldown_OncePerClientPerWindow()
    {
        var rule = Rule("low-engagement", "engagement_rate < 0.05");
        var low = Result("""{"engagement_rate":0.01}""");
        var fired = new HashSet<string>(TriggerEvaluator.Evaluate([rule], low, Noon, new HashSet<string>()).Select(f => f.Key));

        Assert.Empty(TriggerEvaluator.Evaluate([rule], low, Noon.AddHours(6), fired));
        Assert.Single(TriggerEvaluator.Evaluate([rule], Result("""{"engagement_rate":0.01}""", client: "globex"), Noon.AddHours(6), fired));
        Assert.Single(TriggerEvaluator.Evaluate([rule], low, Noon.AddDays(1), fired));
    }

    [Theory]
    [InlineData("engagement_rate < 0.05", true)]
    [InlineData("metrics.ctr >= 1.5", true)]
    [InlineData("health_score falls by 10", true)]
    [InlineData("mrr rises by 20%", true)]
    [InlineData("engagement_rate < 0.05 || true", false)]
    [InlineData("Process.Start(\"rm\") < 1", false)]
    [InlineData("x falls by -3", false)]
    [InlineData("< 5", false)]
    [InlineData("", false)]
    public void Parse_TinyGrammarOnly(string text, bool ok)
    {
        Assert.Equal(ok, ThresholdParser.TryParse(text, out _, out var problem));
        Assert.Equal(ok, problem is null);
    }
}
