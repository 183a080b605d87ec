using BusinessOps.Agents.Samples;
using BusinessOps.Connectors.Schemas;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13 and 11 for the devops agent: evaluated pre-checks (freeze, approvals, QA gates), rollback, and the deployment effects.</summary>
public sealed class DeploymentAgentTests
{
    private static string Deploy(string environment = "production", params (string, string)[] more) =>
        FormBody.Of([("Service", "billing-api"), ("Version", "2.4.1"), ("Environment", environment), ("Strategy", string.Empty), .. more]);

    [Fact]
    public async Task DevOps_InsideYearEndFreeze_BlockedWithoutEffects()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("production", ("Deploy date", "2026-12-24")));

        Assert.Equal(AgentOutcome.NeedsDecision, run.Result.Outcome);
        Assert.Empty(run.Result.Effects);
        Assert.StartsWith("Blocked: Deploy billing-api 2.4.1 to production", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains("inside the year-end freeze (2026-12-20 to 2027-01-03)", run.Result.Summary, StringComparison.Ordinal);
        Assert.True(run.Out("blocked").GetValue<bool>());
        Assert.Equal("blocked", run.Out("checks")[0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task DevOps_FreezeOnlyForProduction_StagingDeploysOnTheSameDay()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("staging", ("Deploy date", "2026-12-24")));

        Assert.False(run.Out("blocked").GetValue<bool>());
        Assert.Equal(3, run.Result.Effects.Count(e => !e.OnFailure));
    }

    [Fact]
    public async Task DevOps_RollbackInsideFreeze_AllowedAndProposesTheRollback()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("production", ("Action", "rollback"), ("Previous version", "2.4.0"), ("Deploy date", "2026-12-24")));

        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
        Assert.Equal([EffectKinds.GitHubDeployment, EffectKinds.WebhookPost, EffectKinds.GitHubDeploymentStatus, EffectKinds.GitHubDeploymentStatus], run.Result.Effects.Select(e => e.Kind));
        Assert.Equal([false, false, false, true], run.Result.Effects.Select(e => e.OnFailure));
        Assert.Equal("v2.4.0", EffectParameters.Text(run.Result.Effects[0].Parameters, "ref"));
        Assert.Equal("deployment.rollback", EffectParameters.Text(run.Result.Effects[1].Parameters, "event"));
        var data = run.Result.Effects[1].Parameters.GetProperty("data");
        Assert.Equal(("2.4.0", "2.4.1"), (data.GetProperty("version").GetString(), data.GetProperty("fromVersion").GetString()));
        Assert.StartsWith("Route 100 % of traffic back", run.Out("steps")[0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(run.Result.Effects, e => Assert.Empty(EffectSchemas.Validate(e)));
    }

    [Fact]
    public async Task DevOps_ProductionDeploy_DeploymentWebhookAndSuccessStatus()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("production", ("Previous version", "2.4.0")));

        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
        var (deployment, webhook, status) = (run.Result.Effects[0], run.Result.Effects[1], run.Result.Effects[2]);
        Assert.Equal((EffectKinds.GitHubDeployment, "production"), (deployment.Kind, deployment.Target));
        Assert.Equal(("v2.4.1", "in_progress"), (EffectParameters.Text(deployment.Parameters, "ref"), EffectParameters.Text(deployment.Parameters, "state")));
        Assert.Equal((EffectKinds.WebhookPost, "deploy", "deployment.requested"), (webhook.Kind, webhook.Target, EffectParameters.Text(webhook.Parameters, "event")));
        var data = webhook.Parameters.GetProperty("data");
        Assert.Equal(("billing-api", "2.4.1", "canary", "2.4.0"), (data.GetProperty("service").GetString(), data.GetProperty("version").GetString(), data.GetProperty("strategy").GetString(), data.GetProperty("rollback").GetProperty("version").GetString()));
        Assert.Equal((EffectKinds.GitHubDeploymentStatus, "production"), (status.Kind, status.Target));
        Assert.Equal(("e1", "success"), (EffectParameters.Text(status.Parameters, "deployment"), EffectParameters.Text(status.Parameters, "state")));
        Assert.All(run.Result.Effects, e => Assert.Empty(EffectSchemas.Validate(e)));

        // Only if a step fails: the failure status, then the rollback through the same endpoint (approved with the plan).
        var (failed, rollback) = (run.Result.Effects[3], run.Result.Effects[4]);
        Assert.Equal([false, false, false, true, true], run.Result.Effects.Select(e => e.OnFailure));
        Assert.Equal(("e1", "failure"), (EffectParameters.Text(failed.Parameters, "deployment"), EffectParameters.Text(failed.Parameters, "state")));
        Assert.Equal((EffectKinds.WebhookPost, "deploy", "deployment.rollback"), (rollback.Kind, rollback.Target, EffectParameters.Text(rollback.Parameters, "event")));
        var back = rollback.Parameters.GetProperty("data");
        Assert.Equal(("2.4.0", "2.4.1", true), (back.GetProperty("version").GetString(), back.GetProperty("fromVersion").GetString(), back.GetProperty("automatic").GetBoolean()));
    }

    [Fact]
    public async Task DevOps_DeployViaCommand_CommandRunWithTheEventAsInput()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("staging", ("Deploy via", "command"), ("Ref", "release/2.4")));

        var command = run.Result.Effects[1];
        Assert.Equal((EffectKinds.CommandRun, "deploy"), (command.Kind, command.Target));
        Assert.Equal("deployment.requested", command.Parameters.GetProperty("input").GetProperty("event").GetString());
        Assert.Equal("release/2.4", EffectParameters.Text(run.Result.Effects[0].Parameters, "ref"));
        Assert.Empty(EffectSchemas.Validate(command));
        var rollback = run.Result.Effects[^1];
        Assert.Equal((EffectKinds.CommandRun, "deploy", true), (rollback.Kind, rollback.Target, rollback.OnFailure));
        Assert.Equal("deployment.rollback", rollback.Parameters.GetProperty("input").GetProperty("event").GetString());
        Assert.Empty(EffectSchemas.Validate(rollback));
    }

    [Theory]
    [InlineData(IssueStatus.Done, "passed", false)]
    [InlineData(IssueStatus.Failed, "blocked", true)]
    [InlineData(IssueStatus.InProgress, "blocked", true)]
    public async Task DevOps_QaIssueStatus_GatesPreCheck(IssueStatus qaStatus, string expected, bool blocked)
    {
        var qa = new IssueDigest(12, "Quality gates for 2.4.1", IssueState.Open, qaStatus, null, AgentNames.Qa, [], false, false, Agents.Created, Agents.Created);
        var context = new DispatchContext { Issues = new IssueDigestSet("all", [qa], 0) };

        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("staging", ("QA issue", "#12")), context: context);

        var gate = run.Out("checks").AsArray().Single(c => c!["name"]!.GetValue<string>() == "quality gates")!;
        Assert.Equal(expected, gate["state"]!.GetValue<string>());
        Assert.Equal(blocked, run.Out("blocked").GetValue<bool>());
        Assert.Equal(blocked ? 0 : 3, run.Result.Effects.Count(e => !e.OnFailure));
    }

    [Fact]
    public async Task DevOps_PolicyRequiresStagingApprovals_NeedsApproval()
    {
        var rules = DeliveryRules.Default with { RequiredApprovals = new Dictionary<string, int> { ["staging"] = 2 } };
        var context = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Delivery = rules } } };

        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("staging"), context: context);

        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
        Assert.Contains("2 approval(s) for staging", run.Out("checks")[1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Action", "rollback", "Field `Previous version` is required for a rollback")]
    [InlineData("Deploy date", "24/12/2026", "Field `Deploy date` is invalid")]
    [InlineData("QA issue", "the QA one", "Field `QA issue` is invalid")]
    [InlineData("Ref", "../etc", "Field `Ref` is invalid")]
    [InlineData("Deploy via", "ftp", "Field `Deploy via` is invalid")]
    [InlineData("Previous version", "two", "Field `Previous version` is invalid")]
    public async Task DevOps_BadField_BadInputNamingIt(string field, string value, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, Deploy("staging", (field, value)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(expected, run.Result.Summary, StringComparison.Ordinal);
    }
}
