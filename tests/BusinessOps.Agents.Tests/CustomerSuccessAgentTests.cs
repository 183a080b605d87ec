using BusinessOps.Agents.Samples;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class CustomerSuccessAgentTests
{
    private static string Health(double all, params (string, string)[] extra) => FormBody.Of([("Customer", "Acme"), ("Active usage", $"{all}"), ("Feature adoption", $"{all}"),
        ("Login frequency", $"{all}"), ("Support health", $"{all}"), ("Training completion", $"{all}"), ("Survey score", $"{all}"), ("Payment health", $"{all}"),
        ("Contract growth", $"{all}"), .. extra]);

    [Theory]
    [InlineData(95, "advocacy", "L1", AgentOutcome.Completed)]
    [InlineData(75, "expansion", "L2", AgentOutcome.NeedsApproval)]
    [InlineData(55, "engagement", "L1", AgentOutcome.Completed)]
    [InlineData(35, "retention", "L2", AgentOutcome.NeedsApproval)]
    [InlineData(10, "emergency", "L3", AgentOutcome.NeedsDecision)]
    public async Task CustomerSuccess_Bands_RunAtTheirAutonomy(double score, string band, string autonomy, AgentOutcome outcome)
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(score));

        Assert.Equal((band, autonomy, outcome), (run.Str("band"), run.Str("autonomy"), run.Result.Outcome));
    }

    [Fact]
    public async Task CustomerSuccess_Retention_HumanReviewWithin24Hours()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(40));

        Assert.Equal(Agents.Created.AddHours(24), run.Out("reviewBy").GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task CustomerSuccess_37DaysInactive_ScoreHalvedToEngagement()
    {
        // 7 grace days, then 30 days = one half-life: 100 × 0.5 = 50.
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(100, ("Days since last activity", "37")));

        Assert.Equal((100.0, 0.5, 50.0), (run.Num("rawScore"), run.Num("recencyFactor"), run.Num("score")));
        Assert.Equal("engagement", run.Str("band"));
    }

    [Fact]
    public async Task CustomerSuccess_Inactive5Days_NoDecay()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(80, ("Days since last activity", "5")));

        Assert.Equal(80.0, run.Num("score"));
    }

    [Fact]
    public async Task CustomerSuccess_PreviousScoreHigher_Declining()
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, Health(60, ("Previous score", "72")));

        Assert.Equal("declining", run.Str("trend"));
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Health is declining (72 → 60)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("20", "300", "", "startup")]
    [InlineData("800", "8000", "", "enterprise")]
    [InlineData("800", "3000", "", "standard")]
    [InlineData("5", "100", "Our API for order sync", "developer")]
    public async Task CustomerSuccess_Onboarding_Segment(string employees, string monthly, string use, string segment)
    {
        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, FormBody.Of(("Customer", "Acme"), ("Employees", employees), ("Monthly value", monthly), ("Primary use", use)));

        Assert.Equal(segment, run.Str("segment"));
        Assert.Equal(0, run.Out("sequence").AsArray()[0]!["day"]!.GetValue<int>());
    }

    [Fact]
    public async Task CustomerSuccess_StartupDay4TeamNotInvited_InterventionDue()
    {
        var body = FormBody.Of(("Customer", "Tiny"), ("Employees", "12"), ("Monthly value", "99"), ("Day", "4"), ("Milestones reached", string.Empty));

        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, body);

        var due = Assert.Single(run.Out("interventions").AsArray());
        Assert.Equal("team invited", due!["milestone"]!.GetValue<string>());
        Assert.Equal("Day 7: Email: tips from similar startups; offer a 15-minute call.", run.Result.Actions[^1]);
    }

    [Fact]
    public async Task CustomerSuccess_StartupDay4TeamInvited_OnTrack()
    {
        var body = FormBody.Of(("Customer", "Tiny"), ("Employees", "12"), ("Monthly value", "99"), ("Day", "4"), ("Milestones reached", "- team invited"));

        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, body);

        Assert.Empty(run.Out("interventions").AsArray());
    }

    [Fact]
    public async Task CustomerSuccess_Feedback_ThemesWithCountsAndQuotes()
    {
        var body = FormBody.Of(("Customer", "Acme"), ("Feedback", "- The dashboard is slow to load\n- Pricing is too expensive for us\n- Search is slow\n- Love the Slack integration\n- Reports take a long timeout"));

        var run = await Agents.RunAsync(AgentNames.CustomerSuccess, body);
        var themes = run.Out("themes").AsArray();

        Assert.Equal("performance", themes[0]!["theme"]!.GetValue<string>());
        Assert.Equal(3, themes[0]!["count"]!.GetValue<int>());
        Assert.Equal("The dashboard is slow to load", themes[0]!["quotes"]!.AsArray()[0]!.GetValue<string>());
    }
}
