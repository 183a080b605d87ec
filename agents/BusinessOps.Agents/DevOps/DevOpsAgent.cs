using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.DevOps;

/// <summary>ai-devops-agent: deployment plan with pre-checks and rollback. Production plans need approval.</summary>
public sealed partial class DevOpsAgent : IAgent
{
    public string Name => AgentNames.DevOps;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var r = Read(context.Form);
        var plan = DeploymentPlanner.Plan(r);
        var outcome = r.IsProduction && !context.IsExecute ? AgentOutcome.NeedsApproval : AgentOutcome.Completed;
        var summary = $"Deploy {r.Service} {r.Version} to {r.Environment} by {r.Strategy}{(r.StrategyDefaulted ? " (default)" : string.Empty)}: {plan.PreChecks.Count} pre-checks, {plan.Steps.Count} steps, rollback ready."
            + (plan.Warnings.Count > 0 ? " Warning: " + string.Join(" ", plan.Warnings) : string.Empty);
        var outputs = new JsonObject
        {
            ["service"] = r.Service,
            ["version"] = r.Version,
            ["environment"] = r.Environment,
            ["strategy"] = r.Strategy,
            ["preChecks"] = Array(plan.PreChecks),
            ["steps"] = Array(plan.Steps),
            ["rollbackTriggers"] = Array(plan.RollbackTriggers),
            ["rollbackSteps"] = Array(plan.RollbackSteps),
            ["warnings"] = Array(plan.Warnings),
        };
        var md = new StringBuilder("**Pre-checks**\n\n");
        plan.PreChecks.ToList().ForEach(p => md.Append("- [ ] ").Append(p).Append('\n'));
        md.Append("\n**Rollout**\n\n");
        plan.Steps.Select((s, i) => (s, i)).ToList().ForEach(x => md.Append(x.i + 1).Append(". ").Append(x.s).Append('\n'));
        md.Append("\n**Rollback when**: ").Append(string.Join("; ", plan.RollbackTriggers)).Append("\n\n");
        plan.RollbackSteps.Select((s, i) => (s, i)).ToList().ForEach(x => md.Append(x.i + 1).Append(". ").Append(x.s).Append('\n'));

        var classification = r.IsProduction
            ? new Classification(Impact.High, Complexity.Moderate, Reversibility.Reversible, Stakeholders.CustomerFacing, 0m)
            : new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        return Task.FromResult(ResultFactory.Create(context, outcome, summary, md.ToString(), [.. plan.Steps], outputs, classification, plan.Warnings.Count > 0 ? 0.75 : 0.9));
    }

    internal static DeploymentRequest Read(IssueForm form)
    {
        var service = form.Required("Service", "the service name, e.g. billing-api").Trim();
        if (!ServiceName().IsMatch(service))
        {
            throw IssueForm.Invalid("Service", "a service name of letters, digits, '.', '_' or '-' (at most 64)", service);
        }

        var version = form.Required("Version", "a semantic version, e.g. 2.4.1").Trim().TrimStart('v');
        if (!SemVer().IsMatch(version))
        {
            throw IssueForm.Invalid("Version", "a semantic version MAJOR.MINOR.PATCH, e.g. 2.4.1 or 2.5.0-rc.1", version);
        }

        var env = form.RequiredChoice("Environment", DeploymentPlanner.Environments);
        var strategy = form.OptionalChoice("Strategy", DeploymentPlanner.Strategies);
        return new DeploymentRequest(service, version, env, strategy ?? (env == "production" ? "canary" : "rolling"), strategy is null);
    }

    private static JsonArray Array(IReadOnlyList<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SemVer();
}
