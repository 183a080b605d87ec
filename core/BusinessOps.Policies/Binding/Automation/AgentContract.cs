using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Agents;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// Holds workflows, trigger rules and issue templates to what the agents really require and write
/// (<see cref="AgentOperations"/>): a step or template that cannot supply any operation of its agent would end in
/// <c>status/needs-triage</c>, a mapping from an output no operation writes would never be filled, a review by an agent
/// that writes neither <c>approved</c> nor the score could never pass, and a threshold on a field no agent writes never trips.
/// </summary>
internal static class AgentContract
{
    /// <summary>The operations of <paramref name="agent"/> that <paramref name="fields"/> supply; empty when none does.</summary>
    public static IReadOnlyList<AgentOperation> Supplied(string agent, IEnumerable<string> fields)
    {
        var given = fields.ToList();
        return [.. AgentOperations.Of(agent).Where(o => o.Missing(given).Count == 0)];
    }

    /// <summary>Why <paramref name="fields"/> are not enough for <paramref name="agent"/>, or null when some operation is supplied.</summary>
    public static string? FieldsProblem(string agent, IReadOnlyList<string> fields, string what)
    {
        var operations = AgentOperations.Of(agent);
        if (operations.Count == 0 || Supplied(agent, fields).Count > 0)
        {
            return null;
        }

        var lacks = string.Join("; ", operations.Select(o => $"{o.Form} lacks {string.Join(", ", o.Missing(fields))}"));
        var given = fields.Count == 0 ? "no fields" : "the fields " + string.Join(", ", fields);
        return $"{what} gives {agent} {given}, which no operation of it can run on ({lacks}); name the fields after the agent's form fields (docs/AGENTS.md, .github/ISSUE_TEMPLATE)";
    }

    /// <summary>The problems of each step against its agent, its producers' outputs and its reviewer.</summary>
    public static IReadOnlyList<WorkflowProblem> Check(WorkflowDefinition workflow)
    {
        var problems = new List<WorkflowProblem>();
        foreach (var step in workflow.Steps)
        {
            var fields = step.Inputs.Select(i => i.Key).ToList();
            if (FieldsProblem(step.Agent, fields, $"step '{step.Id}'") is { } problem)
            {
                problems.Add(new WorkflowProblem(step.Id, "agent", problem));
            }

            var writes = Writers(step.Agent, fields);
            foreach (var name in step.OutputSchema?.PropertyNames ?? [])
            {
                if (writes.Count > 0 && !writes.Any(o => o.Writes(name)))
                {
                    problems.Add(Unwritten(step.Id, "outputSchema", $"the output schema of step '{step.Id}' declares '{name}'", step.Agent, name, writes));
                }
            }

            foreach (var (name, source) in step.Inputs)
            {
                if (source is StepOutputSource from && workflow.Step(from.Step) is { } producer)
                {
                    var produced = Writers(producer.Agent, producer.Inputs.Select(i => i.Key).ToList());
                    if (produced.Count > 0 && !produced.Any(o => o.Writes(from.Path)))
                    {
                        problems.Add(Unwritten(step.Id, "inputs." + name, $"input '{name}' maps '{from.Describe()}'", producer.Agent, from.Path.Split('.')[0], produced));
                    }
                }
            }

            if (step.Review is { Agent: { } reviewer } review && AgentOperations.Of(reviewer).Count > 0
                && !AgentOperations.Of(reviewer).Any(o => o.Writes("approved") || o.Writes(review.ScoreField)))
            {
                problems.Add(new WorkflowProblem(step.Id, "review",
                    $"the review of step '{step.Id}' can never pass: {reviewer} writes neither 'approved' nor '{review.ScoreField}'; review by a person instead (review: role: <an approvals.yml role>)"));
            }
        }

        return problems;
    }

    /// <summary>Why a threshold on <paramref name="field"/> can never trip, or null when some watched agent writes it.</summary>
    public static string? WatchProblem(string? watch, string field)
    {
        var top = field.Split('.')[0];
        var watched = watch is null ? AgentOperations.All : AgentOperations.Of(watch);
        if (watched.Count == 0 || watched.Any(o => o.Writes(top)))
        {
            return null;
        }

        var writers = AgentOperations.All.Where(o => o.Writes(top)).Select(o => o.Agent).Distinct().ToList();
        var who = watch ?? "any agent";
        return writers.Count == 0
            ? $"no agent writes '{top}', so this rule never trips; watch a field its agent writes ({who}: {Fields(watched)})"
            : $"{who} never writes '{top}' (it writes {Fields(watched)}), so this rule never trips; {string.Join(", ", writers)} write(s) '{top}'";
    }

    /// <summary>Why a template's issue would go to needs-triage, or null. A template without an agent is held to the operation its routing label names.</summary>
    public static string? TemplateProblem(IssueTemplate template, string what)
    {
        var fields = template.Fields.Select(f => f.Name).ToList();
        if (template.Agent is { } agent)
        {
            return FieldsProblem(agent, fields, what);
        }

        var operation = AgentOperations.All.FirstOrDefault(o => template.Labels.Contains(o.Label, StringComparer.OrdinalIgnoreCase));
        return operation is null || operation.Missing(fields) is not { Count: > 0 } missing
            ? null
            : $"{what} routes by '{operation.Label}' to {operation.Agent} ({operation.Form}), which requires {string.Join(", ", missing)}; add those fields";
    }

    // The operations a step with these fields runs; all of its agent's when none is supplied (that is reported on its own).
    private static IReadOnlyList<AgentOperation> Writers(string agent, IReadOnlyList<string> fields) =>
        Supplied(agent, fields) is { Count: > 0 } supplied ? supplied : AgentOperations.Of(agent);

    private static WorkflowProblem Unwritten(string step, string location, string what, string agent, string field, IReadOnlyList<AgentOperation> operations) =>
        new(step, location, $"{what}, but {agent} never writes '{field}' (it writes {Fields(operations)})")
        {
            Unknown = field,
            Candidates = [.. operations.SelectMany(o => o.Outputs).Distinct(StringComparer.Ordinal)],
        };

    private static string Fields(IReadOnlyList<AgentOperation> operations) =>
        string.Join(", ", operations.SelectMany(o => o.Outputs).Distinct(StringComparer.Ordinal).Take(20));

}
