using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Development;

/// <summary>
/// ai-developer-agent: task list from acceptance criteria with estimates by the documented model of <c>delivery.yml</c>
/// (drivers, unknowns, feature floors), dependencies between tasks, and an optional scaffold (agent, workflow or policy
/// file) from templates. Approval releases one sub-issue per task and the scaffold as a draft pull request.
/// </summary>
public sealed class DeveloperAgent : IAgent
{
    public string Name => AgentNames.Developer;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var feature = context.Form.Required("Feature", "the feature in one sentence").Trim();
        var criteria = FormValues.Lines(context.Form.Required("Acceptance criteria", "one criterion per line (`- [ ]` allowed)"));
        if (criteria.Count > 50)
        {
            throw IssueForm.Invalid("Acceptance criteria", "at most 50 criteria", criteria.Count.ToString(CultureInfo.InvariantCulture) + " lines");
        }

        var components = context.Form.Optional("Components")
            .Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.TrimStart('-', '*', ' ')).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();
        var rules = context.Policies.Rules?.Delivery ?? DeliveryRules.Default;
        var tasks = EffortEstimator.Estimate(feature, criteria, components, rules);
        var (scaffoldKind, scaffoldName) = Scaffolder.Read(context.Form);
        var files = scaffoldKind is null ? [] : Scaffolder.Render(scaffoldKind, scaffoldName, feature);
        var points = tasks.Sum(t => t.Points);
        var hours = tasks.Sum(t => t.Hours);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{feature}: {tasks.Count} tasks, {points} story points (~{hours} h, {hours / 8.0:0.#} dev-days).");
        var outputs = new JsonObject
        {
            ["feature"] = feature,
            ["taskCount"] = tasks.Count,
            ["storyPoints"] = points,
            ["hours"] = hours,
            ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject
            {
                ["title"] = t.Title,
                ["points"] = t.Points,
                ["hours"] = t.Hours,
                ["drivers"] = new JsonArray([.. t.Drivers.Select(d => (JsonNode)d)]),
                ["dependsOn"] = new JsonArray([.. t.DependsOn.Select(d => (JsonNode)d)]),
            })]),
            ["scaffold"] = scaffoldKind,
            ["scaffoldFiles"] = new JsonArray([.. files.Select(f => (JsonNode)f.Path)]),
        };
        var comment = CommentRenderer.Render(context.Policies.Template, DeveloperTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["feature"] = feature,
            ["story_points"] = points,
            ["hours"] = hours,
            ["tasks"] = tasks.Select((t, i) => new Dictionary<string, object?>
            {
                ["index"] = i + 1,
                ["title"] = MarkdownSafe.Cell(t.Title, 120),
                ["points"] = t.Points,
                ["hours"] = t.Hours,
                ["drivers"] = t.Drivers,
                ["after"] = t.DependsOn,
            }).ToList(),
            ["base_points"] = rules.BasePoints,
            ["model_drivers"] = rules.Drivers.Select(d => new Dictionary<string, object?> { ["name"] = d.Name, ["points"] = d.Points }).ToList(),
            ["unknowns_multiplier"] = rules.UnknownsMultiplier.ToString(CultureInfo.InvariantCulture),
            ["hours_per_point"] = rules.HoursPerPoint,
            ["test_share"] = rules.TestShare.ToString("P0", CultureInfo.InvariantCulture),
            ["scaffold_kind"] = scaffoldKind,
            ["scaffold_name"] = scaffoldName,
            ["scaffold_files"] = files.Select(f => f.Path).ToList(),
        });
        var complexity = points switch { <= 8 => Complexity.Simple, <= 21 => Complexity.Moderate, <= 40 => Complexity.Complex, _ => Complexity.Strategic };
        var classification = new Classification(Impact.Medium, complexity, Reversibility.Reversible, Stakeholders.Internal, 0m);
        var actions = tasks.Select(t => string.Create(CultureInfo.InvariantCulture, $"Create task: {t.Title} ({t.Points} pt)")).Take(20).ToList();
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        // Rule estimates are rough; more criteria average out individual misses.
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, Math.Min(0.85, 0.6 + (0.03 * criteria.Count)));
        return Task.FromResult(result with { Effects = DeveloperEffects.For(context.Issue.Number, feature, tasks, scaffoldKind, scaffoldName, files) });
    }
}
