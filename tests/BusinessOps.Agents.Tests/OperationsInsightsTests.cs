using System.Text.Json.Nodes;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Operations;
using BusinessOps.Agents.Samples;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 and 11 for the operations agent: TLS expiry, uptime and error budget, rightsizing, and the effects they propose.</summary>
public sealed class OperationsInsightsTests(LoopbackServer server, TlsLoopbackServer tls) : IClassFixture<LoopbackServer>, IClassFixture<TlsLoopbackServer>
{
    private static readonly DispatchContext Loopback = new() { Policies = new AgentPolicies { Network = NetworkPolicy.PublicOnly with { AllowLoopback = true } } };

    private const string Usage = "instance,type,cpu_p95,memory_p95,monthly_cost\nweb-1,m5.xlarge,5,20,200.00\nbatch-1,c5.2xlarge,92%,40,300\napi-1,m5.large,55,60,100";

    [Fact]
    public async Task RunAsync_CertificateExpiringInFiveDays_FlaggedCritical()
    {
        var agent = new OperationsAgent(TimeProvider.System, [tls.Certificate]);

        var run = await Run(agent, FormBody.Of(("Endpoints", tls.BaseUrl + "/ok"), ("Timeout (ms)", "5000")));

        var check = run.Out("checks")[0]!;
        Assert.Equal("up", check["state"]!.GetValue<string>());
        Assert.Equal(5, check["tlsDaysLeft"]!.GetValue<int>());
        Assert.Equal("critical", check["tls"]!.GetValue<string>());
        Assert.Contains("expires in 5 day(s) (critical)", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Renew the TLS certificate of " + tls.BaseUrl, StringComparison.Ordinal));
        Assert.Equal(Stakeholders.CustomerFacing, run.Result.Classification!.Stakeholders);
    }

    [Fact]
    public async Task RunAsync_UntrustedCertificate_DownNotCrash()
    {
        var run = await Run(new OperationsAgent(TimeProvider.System), FormBody.Of(("Endpoints", tls.BaseUrl + "/ok"), ("Timeout (ms)", "5000")));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("down", run.Out("checks")[0]!["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(30, "ok")]
    [InlineData(20, "warning")]
    [InlineData(6, "critical")]
    [InlineData(-1, "expired")]
    public void TlsExpiry_DaysLeft_BandByOperationsYml(int days, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, TlsExpiry.Assess(now.AddDays(days).AddHours(1), now, OperationsRules.Default));
    }

    [Fact]
    public async Task RunAsync_CheckDown_ProposesIncidentSubIssue()
    {
        var run = await Run(new OperationsAgent(TimeProvider.System), FormBody.Of(("Endpoints", $"{server.BaseUrl}/ok\n{server.BaseUrl}/fail"), ("Timeout (ms)", "2000")));

        var effect = Assert.Single(run.Result.Effects);
        Assert.Equal((EffectKinds.GitHubIssue, "#7"), (effect.Kind, effect.Target));
        Assert.Equal($"Incident: {server.BaseUrl}/fail is down", EffectParameters.Text(effect.Parameters, "title"));
        Assert.Equal(["incident"], EffectParameters.Texts(effect.Parameters, "labels"));
        Assert.True(EffectParameters.Flag(effect.Parameters, "subIssue"));
        Assert.Contains("HTTP 500", EffectParameters.Text(effect.Parameters, "body"), StringComparison.Ordinal);
        Assert.Empty(EffectSchemas.Validate(effect));
    }

    [Fact]
    public async Task RunAsync_AllUp_ProposesNothing()
    {
        var run = await Run(new OperationsAgent(TimeProvider.System), FormBody.Of(("Endpoints", server.BaseUrl + "/ok")));

        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task RunAsync_IncidentIssueItselfDown_NoIncidentOfTheIncident()
    {
        var issue = Agents.Issue(FormBody.Of(("Endpoints", server.BaseUrl + "/fail")), labels: ["operations/monitoring", "incident"]);

        var run = await AgentHost.ProcessAsync(new OperationsAgent(TimeProvider.System), issue, "local/ops#7/a1/plan", "plan", Loopback, CancellationToken.None);

        Assert.Equal(1, run.Num("down"));
        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task RunAsync_ChecksRecordedOnTheIssue_UptimeAndBurnRate()
    {
        // Two earlier runs by the coordinator (a bot): 2 up, 1 down. A person's forged marker claiming 5 downs is ignored.
        var comments = new List<IssueComment>
        {
            Recorded(1, "local/ops#7/a1/plan", bot: true, "up", "down"),
            Recorded(2, "local/ops#7/a2/plan", bot: true, "up"),
            Recorded(3, "local/ops#7/a3/plan", bot: false, "down", "down", "down", "down", "down"),
        };
        var issue = Agents.Issue(FormBody.Of(("Endpoints", server.BaseUrl + "/ok"))) with { Comments = comments };

        var run = await AgentHost.ProcessAsync(new OperationsAgent(TimeProvider.System), issue, "local/ops#7/a4/plan", "plan", Loopback, CancellationToken.None);

        // 4 checks, 1 failed: uptime 75 %; the 99.9 % objective allows 0.004 failures → 250× budget, burn rate 250.
        Assert.Equal(0.75, run.Num("uptime"));
        Assert.Equal(4, run.Num("checksRecorded"));
        Assert.Equal(250, run.Num("burnRate"));
        Assert.Equal(250, run.Num("errorBudgetConsumed"));
        Assert.Contains("Uptime 75.00 % over 4 check(s) in 3 run(s)", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ResourceUsage_IdleInstanceSavesHalfItsCost()
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", string.Empty), (ResourceUsageCsv.Field, "```csv\n" + Usage + "\n```")));

        var sizing = run.Out("rightsizing").AsArray();
        Assert.Equal(["downsize", "upsize", "keep"], sizing.Select(s => s!["action"]!.GetValue<string>()));
        Assert.Equal(100.00m, sizing[0]!["monthlySavingsUsd"]!.GetValue<decimal>());
        Assert.Equal(100.00m, run.Out("estimatedMonthlySavingsUsd").GetValue<decimal>());
        Assert.Contains("saves $100.00/month", run.Result.Summary, StringComparison.Ordinal);
        Assert.Null(run.Result.Outputs["checks"]);
    }

    [Fact]
    public async Task RunAsync_ResourceUsage_ProposesTheScalingWebhookPerChange()
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of((ResourceUsageCsv.Field, Usage)));

        Assert.Equal(2, run.Result.Effects.Count);
        Assert.All(run.Result.Effects, e => Assert.Equal((EffectKinds.WebhookPost, OperationsEffects.ScalingEndpoint), (e.Kind, e.Target)));
        Assert.All(run.Result.Effects, e => Assert.Empty(EffectSchemas.Validate(e)));
        var data = run.Result.Effects[0].Parameters.GetProperty("data");
        Assert.Equal("instance.resize", EffectParameters.Text(run.Result.Effects[0].Parameters, "event"));
        Assert.Equal(("web-1", "downsize", 0.5, 100.00m), (data.GetProperty("instance").GetString(), data.GetProperty("action").GetString(), data.GetProperty("capacityFactor").GetDouble(), data.GetProperty("estimatedMonthlySavingsUsd").GetDecimal()));
        Assert.Equal("upsize", run.Result.Effects[1].Parameters.GetProperty("data").GetProperty("action").GetString());
    }

    [Fact]
    public void ResourceUsageCsv_HourlyCost_TimesHoursPerMonth()
    {
        var rows = ResourceUsageCsv.Parse("instance,type,cpu_p95,memory_p95,hourly_cost\nweb-1,t3.small,3,10,0.10");

        Assert.Equal(73.00m, Assert.Single(rows).MonthlyCost);
    }

    [Theory]
    [InlineData("instance,type,cpu_p95,memory_p95,monthly_cost\n\"web-1,m5,5,20,200", "line")]
    [InlineData("instance,type,cpu\nweb-1,m5,5", "missing column(s) cpu_p95, memory_p95, monthly_cost")]
    [InlineData("instance,type,cpu_p95,memory_p95,monthly_cost\nweb-1,m5,150,20,200", "line 2: '150'")]
    [InlineData("instance,type,cpu_p95,memory_p95,monthly_cost\nweb-1,m5,5,20,lots", "line 2: 'lots'")]
    [InlineData("instance,type,cpu_p95,memory_p95,monthly_cost\nweb-1,m5,5,20", "line 2")]
    [InlineData("instance,type,cpu_p95,memory_p95,monthly_cost", "at least one row")]
    public async Task RunAsync_MalformedUsageCsv_BadInputNamingTheProblem(string csv, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of((ResourceUsageCsv.Field, csv)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Resource usage (CSV)` is invalid", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains(expected, run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NeitherEndpointsNorUsage_BadInputSaysEither()
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Timeout (ms)", "1000")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Resource usage (CSV)", run.Result.Summary, StringComparison.Ordinal);
    }

    private static Task<AgentRun> Run(OperationsAgent agent, string body) =>
        AgentHost.ProcessAsync(agent, Agents.Issue(body), "local/ops#7/a1/plan", "plan", Loopback, CancellationToken.None);

    private static IssueComment Recorded(long id, string key, bool bot, params string[] states)
    {
        var record = new ResultRecord(key, AgentNames.Operations, AgentOutcome.Completed, 0.95, 0m)
        {
            Outputs = new JsonObject { ["checks"] = new JsonArray([.. states.Select(s => (JsonNode)new JsonObject { ["url"] = "https://shop.example.com/health", ["state"] = s })]) },
        };
        return new IssueComment(id, bot ? "businessops[bot]" : "mallory", "Result\n\n" + Markers.Format(record), Agents.Created, Agents.Created, bot);
    }
}
