using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.DevOps;

/// <summary>
/// ai-devops-agent: deployment (or rollback) plan with pre-checks evaluated against <c>delivery.yml</c> (freeze windows,
/// approvals) and the QA issue's gates, rollout and rollback steps. A blocked pre-check leaves the decision to a person
/// and proposes nothing; otherwise approval releases the GitHub deployment, the deploy and its success status.
/// </summary>
public sealed partial class DevOpsAgent : IAgent
{
    public string Name => AgentNames.DevOps;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var r = Read(context.Form, DateOnly.FromDateTime(context.Now.UtcDateTime));
        var rules = context.Policies.Rules?.Delivery ?? DeliveryRules.Default;
        var plan = DeploymentPlanner.Plan(r);
        var checks = DeploymentGates.Evaluate(r, rules, context.Issues);
        var blocked = checks.Where(c => c.Blocks).ToList();
        var approval = r.IsProduction || checks.Any(c => c.Name == "approvals" && c.State == "pending");
        var outcome = blocked.Count > 0 ? AgentOutcome.NeedsDecision : approval && !context.IsExecute ? AgentOutcome.NeedsApproval : AgentOutcome.Completed;
        var what = r.IsRollback
            ? $"Roll back {r.Service} on {r.Environment} from {r.Version} to {r.PreviousVersion}"
            : $"Deploy {r.Service} {r.Version} to {r.Environment} by {r.Strategy}{(r.StrategyDefaulted ? " (default)" : string.Empty)}";
        var summary = blocked.Count > 0
            ? $"Blocked: {what}. {string.Join("; ", blocked.Select(b => b.Detail))}."
            : string.Create(CultureInfo.InvariantCulture, $"{what}: {plan.PreChecks.Count} pre-checks, {plan.Steps.Count} steps, rollback ready.")
                + (plan.Warnings.Count > 0 ? " Warning: " + string.Join(" ", plan.Warnings) : string.Empty);
        var outputs = new JsonObject
        {
            ["action"] = r.Action,
            ["service"] = r.Service,
            ["version"] = r.Version,
            ["previousVersion"] = r.PreviousVersion,
            ["environment"] = r.Environment,
            ["strategy"] = r.Strategy,
            ["ref"] = r.Ref,
            ["date"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["blocked"] = blocked.Count > 0,
            ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["state"] = c.State, ["detail"] = c.Detail })]),
            ["preChecks"] = Array(plan.PreChecks),
            ["steps"] = Array(plan.Steps),
            ["rollbackTriggers"] = Array(plan.RollbackTriggers),
            ["rollbackSteps"] = Array(plan.RollbackSteps),
            ["warnings"] = Array(plan.Warnings),
        };
        var classification = r.IsProduction
            ? new Classification(Impact.High, Complexity.Moderate, Reversibility.Reversible, Stakeholders.CustomerFacing, 0m)
            : new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        var actions = blocked.Count > 0 ? [.. blocked.Select(b => $"Resolve the {b.Name} pre-check: {b.Detail}.")] : plan.Steps.ToList();
        var comment = Comment(context, r, plan, checks);
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var result = ResultFactory.Create(context, outcome, summary, comment.Text, actions, outputs, classification, plan.Warnings.Count > 0 ? 0.75 : 0.9);
        return Task.FromResult(blocked.Count > 0 ? result : result with { Effects = DeploymentEffects.For(r, plan, context.Issue.Number) });
    }

    internal static DeploymentRequest Read(IssueForm form, DateOnly today)
    {
        var service = form.Required("Service", "the service name, e.g. billing-api").Trim();
        if (!ServiceName().IsMatch(service))
        {
            throw IssueForm.Invalid("Service", "a service name of letters, digits, '.', '_' or '-' (at most 64)", service);
        }

        var version = Version(form.Required("Version", "a semantic version, e.g. 2.4.1"), "Version");
        var env = form.RequiredChoice("Environment", DeploymentPlanner.Environments);
        var strategy = form.OptionalChoice("Strategy", DeploymentPlanner.Strategies);
        var action = form.OptionalChoice("Action", DeploymentPlanner.Actions) ?? DeploymentPlanner.Deploy;
        var previousRaw = form.Optional("Previous version");
        if (action == DeploymentPlanner.Rollback && previousRaw.Trim().Length == 0)
        {
            throw new BadInputException("Field `Previous version` is required for a rollback: the semantic version to go back to, e.g. 2.4.0.");
        }

        var previous = previousRaw.Trim().Length == 0 ? null : Version(previousRaw, "Previous version");
        var dateRaw = form.Optional("Deploy date").Trim();
        var date = today;
        if (dateRaw.Length > 0 && !DateOnly.TryParseExact(dateRaw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw IssueForm.Invalid("Deploy date", "a date YYYY-MM-DD", dateRaw);
        }

        var target = action == DeploymentPlanner.Rollback ? previous! : version;
        var gitRef = form.Optional("Ref").Trim();
        if (gitRef.Length > 0 && (gitRef.Length > 200 || !GitRef().IsMatch(gitRef)))
        {
            throw IssueForm.Invalid("Ref", "a git branch, tag or commit of letters, digits, '.', '_', '/' or '-' (at most 200)", gitRef);
        }

        var qaRaw = form.Optional("QA issue").Trim().TrimStart('#');
        int? qa = null;
        if (qaRaw.Length > 0)
        {
            qa = int.TryParse(qaRaw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw IssueForm.Invalid("QA issue", "the QA issue's number, e.g. #12", qaRaw);
        }

        return new DeploymentRequest(service, version, env, strategy ?? (env == "production" ? "canary" : "rolling"), strategy is null)
        {
            Action = action,
            PreviousVersion = previous,
            Date = date,
            Ref = gitRef.Length > 0 ? gitRef : "v" + target.Split('+')[0], // build metadata (+…) is not part of a tag name
            Via = form.OptionalChoice("Deploy via", DeploymentPlanner.Routes) ?? "webhook",
            QaIssue = qa,
        };
    }

    private static RenderedText Comment(AgentContext context, DeploymentRequest r, DeploymentPlan plan, IReadOnlyList<PreCheck> checks) =>
        CommentRenderer.Render(context.Policies.Template, DevOpsTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["action"] = r.Action,
            ["service"] = r.Service,
            ["version"] = r.Version,
            ["environment"] = r.Environment,
            ["strategy"] = r.Strategy,
            ["checks"] = checks.Select(c => new Dictionary<string, object?> { ["name"] = c.Name, ["state"] = c.State, ["detail"] = c.Detail }).ToList(),
            ["pre_checks"] = plan.PreChecks,
            ["steps"] = plan.Steps,
            ["rollback_triggers"] = plan.RollbackTriggers,
            ["rollback_steps"] = plan.RollbackSteps,
            ["warnings"] = plan.Warnings,
        });

    private static string Version(string raw, string field)
    {
        var version = raw.Trim().TrimStart('v');
        return SemVer().IsMatch(version) ? version : throw IssueForm.Invalid(field, "a semantic version MAJOR.MINOR.PATCH, e.g. 2.4.1 or 2.5.0-rc.1", version);
    }

    private static JsonArray Array(IReadOnlyList<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(?!/)(?!.*\.\.)[A-Za-z0-9._/-]+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GitRef();
}
