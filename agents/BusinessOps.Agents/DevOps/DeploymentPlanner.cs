namespace BusinessOps.Agents.DevOps;

/// <summary>
/// Pure deployment planning. Production gets extra gates (staging soak, change window, on-call, approval)
/// and defaults to canary; other environments default to rolling.
/// </summary>
internal static class DeploymentPlanner
{
    public static readonly string[] Environments = ["development", "staging", "production"];
    public static readonly string[] Strategies = ["rolling", "blue-green", "canary"];
    public const string Deploy = "deploy";
    public const string Rollback = "rollback";
    public static readonly string[] Actions = [Deploy, Rollback];
    public static readonly string[] Routes = ["webhook", "command"];

    public static DeploymentPlan Plan(DeploymentRequest r)
    {
        var plan = DeployPlan(r);
        return r.IsRollback
            ? plan with
            {
                PreChecks = [$"The artifact of {r.Service} {r.PreviousVersion} is still in the registry", $"The failure of {r.Version} is recorded on this issue (metrics or the failed deployment status)", "Database migrations since " + r.PreviousVersion + " are backward compatible (expand-only), so the old version runs on the new schema"],
                Steps = plan.RollbackSteps,
            }
            : plan;
    }

    private static DeploymentPlan DeployPlan(DeploymentRequest r)
    {
        var pre = new List<string>
        {
            $"CI is green for {r.Service} {r.Version} and the artifact exists in the registry",
            $"Configuration diff for {r.Environment} reviewed",
            "Database migrations are backward compatible (expand before contract)",
        };
        var warnings = new List<string>();
        if (r.IsProduction)
        {
            pre.Add($"{r.Version} has soaked in staging for at least 24 h without new errors");
            pre.Add("Inside the change window; no freeze in effect");
            pre.Add("On-call engineer acknowledged; dashboards and alerts open");
            pre.Add("Error budget remaining > 0 for the last 28 days");
            pre.Add("Approval recorded on this issue");
            if (r.IsPrerelease)
            {
                warnings.Add($"{r.Version} is a pre-release version going to production.");
            }
        }

        var steps = r.Strategy switch
        {
            "canary" => new List<string>
            {
                "Deploy to the canary group at 5 % of traffic; hold 15 min and compare error rate and p99 latency with baseline",
                "Promote to 25 %; hold 15 min",
                "Promote to 50 %; hold 15 min",
                "Promote to 100 %; keep the previous version warm for 1 h",
            },
            "blue-green" => ["Deploy to the idle (green) environment", "Run smoke tests against green", "Switch the router to green", "Keep blue untouched for 1 h as instant rollback"],
            _ => ["Update instances in batches of 25 % with health checks between batches", "Halt on the first failed batch", "Confirm all instances report the new version"],
        };
        steps.Add("Run post-deploy smoke tests and watch dashboards for 30 min");
        var triggers = new List<string> { "Error rate above 1 % or twice the baseline", "p99 latency 20 % above baseline for 5 min", "Failed health checks or smoke tests" };
        var rollback = r.Strategy switch
        {
            "canary" => new List<string> { "Route 100 % of traffic back to the previous version", "Scale the canary group to zero" },
            "blue-green" => ["Switch the router back to blue"],
            _ => ["Redeploy the previous version with the same rolling batches"],
        };
        rollback.Add("Roll back configuration changes; migrations stay (expand-only)");
        rollback.Add("Post an incident note on this issue with the metrics that triggered the rollback");
        return new DeploymentPlan(pre, steps, triggers, rollback, warnings);
    }
}
