using System.Globalization;
using System.Text;
using BusinessOps.Agents.Analytics;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13: business metrics from a CSV, anomalies by z-score and the morning briefing; issue 11: where it is posted.</summary>
public sealed class AnalyticsMetricsTests
{
    private static readonly DateOnly Last = new(2026, 11, 28);

    /// <summary>
    /// 40 days ending <see cref="Last"/>: revenue around 10,000 (±100, alternating), signups 45, downtime 0; the last day's
    /// row is <paramref name="lastRow"/> (revenue,signups,downtime_minutes,customers_health_dropping,critical_tickets).
    /// </summary>
    private static string Csv(string lastRow)
    {
        var sb = new StringBuilder("date,revenue,signups,downtime_minutes,customers_health_dropping,critical_tickets\n");
        for (var i = 39; i >= 1; i--)
        {
            var day = Last.AddDays(-i);
            sb.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{(i % 2 == 0 ? 10100 : 9900)},45,0,1,0\n");
        }

        return sb.Append(CultureInfo.InvariantCulture, $"{Last:yyyy-MM-dd},{lastRow}\n").ToString();
    }

    private static Task<Hosting.AgentRun> RunAsync(string csv, DispatchContext? context = null, string report = "") =>
        Agents.RunAsync(AgentNames.Analytics, FormBody.Of(("Report", report), ("Metrics", "```csv\n" + csv + "```")), context: context);

    [Fact]
    public async Task RunAsync_RevenueSpike_AnomalyAndUrgentVariance()
    {
        var run = await RunAsync(Csv("14000,45,0,1,0"));

        var anomaly = Assert.Single(run.Out("anomalies").AsArray());
        Assert.Equal(("revenue", "2026-11-28"), (anomaly!["metric"]!.GetValue<string>(), anomaly["day"]!.GetValue<string>()));
        Assert.True(anomaly["z"]!.GetValue<double>() > 3);
        var revenue = run.Out("metrics")["revenue"]!;
        Assert.Equal(14000, revenue["value"]!.GetValue<double>());
        Assert.Equal(9900, revenue["yesterday"]!.GetValue<double>());
        Assert.Equal(9900, revenue["weekAgo"]!.GetValue<double>());
        Assert.Equal(9900, revenue["monthAgo"]!.GetValue<double>());
        Assert.Equal(Math.Round((14000 - 9900) / 9900.0, 4), revenue["dayChange"]!.GetValue<double>());
        Assert.True(revenue["targetMet"]!.GetValue<bool>());
        Assert.Contains("Revenue 14,000 is +41.4% against yesterday", Assert.Single(run.Out("urgent").AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("URGENT (1)", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains("| revenue | 14,000 | +41.4% | +41.4% | +41.4% | ≥ 10,000 met |\n| signups |", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OrdinaryDay_NoAnomalyNothingUrgent()
    {
        var run = await RunAsync(Csv("10050,45,0,1,0"));

        Assert.Empty(run.Out("anomalies").AsArray());
        Assert.Empty(run.Out("urgent").AsArray());
        Assert.Empty(run.Result.Effects);
        Assert.Contains("nothing urgent", run.Result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10000,45,0,6,0", "6 customers' health is dropping")]
    [InlineData("10000,45,0,5,0", null)]
    [InlineData("10000,45,1.5,1,0", "1.5 minute(s) of downtime")]
    [InlineData("10000,45,1,1,0", null)]
    [InlineData("10000,45,0,1,1", "1 critical ticket(s)")]
    [InlineData("10880,45,0,1,0", null)]
    [InlineData("10900,45,0,1,0", "Revenue 10,900 is +10.1%")]
    public async Task RunAsync_UrgentThresholds_CrossedOnlyAbove(string lastRow, string? expected)
    {
        var run = await RunAsync(Csv(lastRow));

        var urgent = run.Out("urgent").AsArray().Select(u => u!.GetValue<string>()).ToList();
        if (expected is null)
        {
            Assert.Empty(urgent);
        }
        else
        {
            Assert.Contains(urgent, u => u.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("999.90", "1099.89")]
    [InlineData("1234.50", "1111.05")]
    public async Task RunAsync_RevenueInCentsExactlyTenPercentFromYesterday_NotUrgent(string yesterday, string today)
    {
        var run = await RunAsync($"date,revenue\n2026-11-27,{yesterday}\n2026-11-28,{today}\n");

        Assert.Equal(0.1, Math.Abs(run.Out("metrics")["revenue"]!["dayChange"]!.GetValue<double>()));
        Assert.Empty(run.Out("urgent").AsArray());
    }

    [Fact]
    public async Task RunAsync_MissedTarget_InTodaysFocus()
    {
        var run = await RunAsync(Csv("10000,30,0,1,0"));

        Assert.False(run.Out("metrics")["signups"]!["targetMet"]!.GetValue<bool>());
        Assert.Contains(run.Out("focus").AsArray(), f => f!.GetValue<string>().StartsWith("signups 30 misses its target (at least 40)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_OpenP0SupportTicketAndOvernightWork_UrgentAndActionsListed()
    {
        var now = Agents.Created;
        IssueDigest Digest(int n, string title, IssueStatus status, Priority? p, string agent, bool human, double hoursAgo) =>
            new(n, title, IssueState.Open, status, p, agent, [], false, human, now.AddDays(-3), now.AddHours(-hoursAgo));
        var context = new DispatchContext
        {
            Issues = new IssueDigestSet("all",
            [
                Digest(3, "We lost all our customer data", IssueStatus.InProgress, Priority.P0, AgentNames.Support, false, 2),
                Digest(4, "Invoice INV-1001", IssueStatus.Done, Priority.P3, AgentNames.Finance, false, 5),
                Digest(5, "Invoice C-2207", IssueStatus.Done, Priority.P2, AgentNames.Finance, true, 5),
                Digest(6, "Old scan", IssueStatus.Done, Priority.P3, AgentNames.Security, false, 30),
            ], 0),
        };

        var run = await Agents.RunAsync(AgentNames.Analytics, FormBody.Of(("Report", "Morning KPI briefing"), ("Period", "Yesterday and the last 7 days, as of 2026-11-02 08:00")), context: context);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("day", run.Str("period"));
        Assert.Contains("Critical ticket #3 is open", Assert.Single(run.Out("urgent").AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("### Autonomous actions completed (1)", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains("#4 Invoice INV-1001", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("#5 Invoice", run.Result.Plan, StringComparison.Ordinal);

        // The ticket is an issue of its own that escalated at once: no second issue for it.
        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task RunAsync_MetricThresholdCrossed_UrgentSubIssueOpened()
    {
        var run = await RunAsync(Csv("10000,45,3,1,0"));

        var urgentIssue = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.GitHubIssue, "#7"), (urgentIssue.Kind, urgentIssue.Target));
        Assert.Equal(["management/oversight", "priority/P0"], EffectParameters.Texts(urgentIssue.Parameters, "labels"));
        Assert.Contains("3 minute(s) of downtime", EffectParameters.Text(urgentIssue.Parameters, "body"), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(urgentIssue));
    }

    [Theory]
    [InlineData("#12", EffectKinds.GitHubComment, "body")]
    [InlineData("team-chat", EffectKinds.WebhookChat, "text")]
    public async Task RunAsync_BriefingTo_PostedThere(string to, string kind, string field)
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Analytics = AnalyticsRules.Default with { BriefingTo = to } } } };

        var run = await RunAsync(Csv("10050,45,0,1,0"), context);

        var post = Assert.Single(run.Result.Effects);
        Assert.Equal((kind, to), (post.Kind, post.Target));
        Assert.StartsWith("## Morning briefing 2026-11-28", EffectParameters.Text(post.Parameters, field), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(post));
    }

    [Fact]
    public async Task RunAsync_BusinessTemplate_UsedAndIssueTextEscaped()
    {
        var template = new CommentTemplate("templates/analytics.sbn", "Briefing {{ date }}: {{ for m in metrics }}{{ m.name }}={{ m.value }};{{ end }}");
        var context = new DispatchContext { Policies = new AgentPolicies { Template = template } };
        var csv = Csv("10050,45,0,1,0").Replace("critical_tickets", "<b>@team</b>", StringComparison.Ordinal);

        var run = await RunAsync(csv, context);

        Assert.StartsWith("Briefing 2026-11-28: revenue=10,050;", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("@team", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrokenTemplate_BuiltInUsedAndNoteNamesFileAndLine()
    {
        var context = new DispatchContext { Policies = new AgentPolicies { Template = new CommentTemplate("templates/analytics.sbn", "ok\n{{ for x in }}") } };

        var run = await RunAsync(Csv("10050,45,0,1,0"), context);

        Assert.StartsWith("## Morning briefing", run.Result.Plan, StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Note: templates/analytics.sbn:2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_FlatHistoryThenChange_InfiniteZIsAnAnomaly()
    {
        var days = Enumerable.Range(0, 9).Select(i => Last.AddDays(i - 8)).ToList();
        var table = new MetricTable(days, new Dictionary<string, double?[]> { ["signups"] = [40, 40, 40, 40, 40, 40, 40, 40, 41] });

        var (_, anomalies) = MetricAnalyzer.Analyze(table, AnalyticsRules.Default);

        Assert.True(double.IsPositiveInfinity(Assert.Single(anomalies).Z));
    }

    [Fact]
    public void Analyze_ShortHistory_NoVerdict()
    {
        var days = Enumerable.Range(0, 5).Select(i => Last.AddDays(i - 4)).ToList();
        var table = new MetricTable(days, new Dictionary<string, double?[]> { ["revenue"] = [1, 1, 1, 1, 1000] });

        var (views, anomalies) = MetricAnalyzer.Analyze(table, AnalyticsRules.Default);

        Assert.Empty(anomalies);
        Assert.Null(views[0].Z);
    }

    [Theory]
    [InlineData("revenue,signups\n100,4\n", "`date` column")]
    [InlineData("date,revenue\n28/11/2026,100\n", "a date like 2026-11-28")]
    [InlineData("date,revenue\n2026-11-28,lots\n", "a number in `revenue` (line 2)")]
    [InlineData("date,revenue\n2026-11-28,1\n2026-11-28,2\n", "one row per day (line 3 repeats 2026-11-28)")]
    [InlineData("date,revenue\n", "at least one row")]
    [InlineData("date,revenue,revenue\n2026-11-28,1,2\n", "distinct")]
    [InlineData("date,revenue\n2026-11-28,\"unclosed\n", "Metrics")]
    public async Task RunAsync_MalformedCsv_BadInputNamesTheProblem(string csv, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.Analytics, FormBody.Of(("Metrics", csv)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Metrics` is invalid", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains(expected, run.Result.Summary, StringComparison.Ordinal);
    }
}
