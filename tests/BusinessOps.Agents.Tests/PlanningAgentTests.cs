using BusinessOps.Agents.Development;
using BusinessOps.Agents.Samples;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class PlanningAgentTests
{
    [Fact]
    public async Task Developer_Criteria_TasksWithRuleEstimates()
    {
        var body = FormBody.Of(
            ("Feature", "CSV export"),
            ("Acceptance criteria", "- [ ] Users can export invoices as CSV from the invoices page\n- [ ] The export includes tax and totals\n- [ ] An API endpoint returns the same CSV"),
            ("Components", "web, api"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);
        var tasks = run.Out("tasks").AsArray();

        // ui+data → 4 → 5; data → 2; api+data → 4 → 5; two components × 2; tests: ceil(0.3 × 16) = 5.
        Assert.Equal([5, 2, 5, 2, 2, 5], tasks.Select(t => t!["points"]!.GetValue<int>()));
        Assert.Equal(21, run.Num("storyPoints"));
        Assert.Equal(84, run.Num("hours"));
        Assert.Equal(Complexity.Moderate, run.Result.Classification!.Complexity);
    }

    [Fact]
    public async Task Developer_SsoFeature_SecurityAndIntegrationDriveTheEstimateAndOrder()
    {
        var body = FormBody.Of(
            ("Feature", "Single sign-on"),
            ("Acceptance criteria", "- [ ] Migrate the users table to store the identity provider id\n- [ ] Admins sign in with SSO (SAML)\n- [ ] A settings page to configure the identity provider"));

        var run = await Agents.RunAsync(AgentNames.Developer, body);
        var tasks = run.Out("tasks").AsArray();

        // migration 1+5 → 8 (+ "provider" integration 3 → 9 → 13); SSO: 1+5 → 8; page: ui 2 + integration 3 → 6 → 8.
        Assert.Equal([13, 8, 8], tasks.Take(3).Select(t => t!["points"]!.GetValue<int>()));
        Assert.Equal([1], tasks[1]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<int>()));
        Assert.Equal([1, 2], tasks[2]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<int>()));
        Assert.Equal([1, 2, 3], tasks[3]!["dependsOn"]!.AsArray().Select(d => d!.GetValue<int>()));
    }

    [Theory]
    [InlineData("Show a greeting", 1)]
    [InlineData("Migrate the schema and sync with the external CRM", 13)]
    [InlineData("Add login permission checks to the API endpoint", 8)]
    [InlineData("Users sign in with SSO", 8)]
    [InlineData("Users sign in with SSO through SAML with their identity provider", 13)]
    [InlineData("Show a greeting, layout TBD", 2)]
    public void EffortEstimator_Keywords_RaiseToFibonacci(string criterion, int expected)
    {
        var (points, _) = EffortEstimator.Score(criterion, Core.Agents.Rules.DeliveryRules.Default);

        Assert.Equal(expected, EffortEstimator.ToFibonacci(points));
    }

    [Fact]
    public async Task DevOps_ProductionWithoutStrategy_CanaryNeedsApprovalHighImpact()
    {
        var body = FormBody.Of(("Service", "billing-api"), ("Version", "2.4.1"), ("Environment", "production"), ("Strategy", string.Empty));

        var run = await Agents.RunAsync(AgentNames.DevOps, body);

        Assert.Equal(AgentOutcome.NeedsApproval, run.Result.Outcome);
        Assert.Equal("canary", run.Str("strategy"));
        Assert.Equal(8, run.Out("preChecks").AsArray().Count);
        Assert.Contains("5 % of traffic", run.Out("steps")[0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Impact.High, run.Result.Classification!.Impact);
        Assert.Equal(Reversibility.Reversible, run.Result.Classification.Reversibility);
    }

    [Fact]
    public async Task DevOps_StagingRolling_CompletedWithRollbackPlan()
    {
        var body = FormBody.Of(("Service", "billing-api"), ("Version", "v2.4.1"), ("Environment", "Staging"), ("Strategy", "rolling"));

        var run = await Agents.RunAsync(AgentNames.DevOps, body);

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Equal("2.4.1", run.Str("version"));
        Assert.Equal(3, run.Out("preChecks").AsArray().Count);
        Assert.Equal("Redeploy the previous version with the same rolling batches", run.Out("rollbackSteps")[0]!.GetValue<string>());
    }

    [Fact]
    public async Task DevOps_NotSemver_BadInput()
    {
        var run = await Agents.RunAsync(AgentNames.DevOps, FormBody.Of(("Service", "api"), ("Version", "2.4"), ("Environment", "staging")));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Field `Version` is invalid: expected a semantic version", run.Result.Summary, StringComparison.Ordinal);
    }
}
