using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Triggers;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Tests.Triggers;

/// <summary>
/// <see cref="TriggerEvaluator.Candidates"/>: what an event job hands to the serialized pass. A comparison is decided
/// there and then; a change rule without the previous value is handed over whenever its field is there.
/// </summary>
public sealed class TriggerCandidateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ThresholdRule Rule(string id, string when, string watch) =>
        ThresholdParser.TryParse(when, out var condition, out var problem)
            ? new ThresholdRule(id, watch, condition!, TimeSpan.FromDays(1), new IssueTemplate("{value}", watch, ["marketing/content"], Priority.P2, []))
            : throw new InvalidOperationException(problem);

    private static ObservedResult Result(string agent, string outputs, string? previous = null) =>
        new(agent, 40, "acme", JsonNode.Parse(outputs)!.AsObject(), previous is null ? null : JsonNode.Parse(previous)!.AsObject());

    private static readonly ThresholdRule Low = Rule("low-engagement", "engagement_rate < 0.05", AgentNames.Marketing);
    private static readonly ThresholdRule Drop = Rule("health-drop", "health_score falls by 10", AgentNames.CustomerSuccess);

    [Fact]
    public void Candidates_ComparisonHolds_OneCandidateWithItsWindowKey()
    {
        var trip = Assert.Single(TriggerEvaluator.Candidates([Low, Drop], Result(AgentNames.Marketing, """{"engagement_rate":0.03}"""), Noon, new HashSet<string>()));

        Assert.Equal(("low-engagement/acme/2026-03-10T00:00:00Z", 40, 0.03, false), (trip.Key, trip.Issue, trip.Value, trip.NeedsPrevious));
    }

    [Fact]
    public void Candidates_ComparisonDoesNotHold_OrWindowFired_OrOtherAgent_None()
    {
        var fired = new HashSet<string> { TriggerEvaluator.Key(Low, "acme", Noon) };

        Assert.Empty(TriggerEvaluator.Candidates([Low], Result(AgentNames.Marketing, """{"engagement_rate":0.2}"""), Noon, new HashSet<string>()));
        Assert.Empty(TriggerEvaluator.Candidates([Low], Result(AgentNames.Marketing, """{"engagement_rate":0.01}"""), Noon, fired));
        Assert.Empty(TriggerEvaluator.Candidates([Low], Result(AgentNames.Sales, """{"engagement_rate":0.01}"""), Noon, new HashSet<string>()));
    }

    [Fact]
    public void Candidates_ChangeRuleWithoutPrevious_HandedOverWhenTheFieldIsThere()
    {
        var trip = Assert.Single(TriggerEvaluator.Candidates([Drop], Result(AgentNames.CustomerSuccess, """{"health_score":95}"""), Noon, new HashSet<string>()));

        Assert.True(trip.NeedsPrevious);
        Assert.Empty(TriggerEvaluator.Candidates([Drop], Result(AgentNames.CustomerSuccess, """{"nps":40}"""), Noon, new HashSet<string>()));
    }

    [Fact]
    public void Candidates_ChangeRuleWithPrevious_DecidedAsEvaluateDoes()
    {
        Assert.Single(TriggerEvaluator.Candidates([Drop], Result(AgentNames.CustomerSuccess, """{"health_score":65}""", """{"health_score":80}"""), Noon, new HashSet<string>()));
        Assert.Empty(TriggerEvaluator.Candidates([Drop], Result(AgentNames.CustomerSuccess, """{"health_score":75}""", """{"health_score":80}"""), Noon, new HashSet<string>()));
    }
}
