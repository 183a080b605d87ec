using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Architecture;

/// <summary>
/// ai-architect-agent: weighted decision matrix, ranking, ADR draft with a Mermaid component diagram and risks with
/// mitigations. A lead under 0.10 needs a human decision; otherwise approval releases the ADR as a draft pull request.
/// </summary>
public sealed class ArchitectAgent : IAgent
{
    /// <summary>Below this lead (on the 1–5 scale) the matrix does not separate the options.</summary>
    public const double CloseMargin = 0.10;

    public string Name => AgentNames.Architect;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var input = Read(context.Form);
        var links = ComponentDiagram.Read(context.Form);
        var given = RiskRegister.Read(context.Form);
        var weights = DecisionMatrix.NormalizedWeights(input);
        var ranking = DecisionMatrix.Rank(input);
        var margin = Math.Round(ranking[0].Score - ranking[1].Score, 3);
        var close = margin < CloseMargin;
        var risks = RiskRegister.Assess(input, ranking, margin, close, given);
        var comment = CommentRenderer.Render(context.Policies.Template, ArchitectTemplate.BuiltIn, AdrWriter.Model(input, weights, ranking, close, ComponentDiagram.Build(input, ranking, links, close), risks));
        var adr = comment.Text;
        var pullRequest = close ? null : ArchitectEffects.AdrPullRequest(context.Issue.Number, input.Decision, adr);
        var summary = close
            ? string.Create(CultureInfo.InvariantCulture, $"{ranking[0].Option} and {ranking[1].Option} are within {margin:0.00} points; ADR drafted, decision left to a human.")
            : string.Create(CultureInfo.InvariantCulture, $"Recommend {ranking[0].Option} ({ranking[0].Score:0.00}/5), ahead of {ranking[1].Option} by {margin:0.00}; ADR drafted.");
        var outputs = new JsonObject
        {
            ["recommended"] = ranking[0].Option,
            ["margin"] = margin,
            ["ranking"] = new JsonArray([.. ranking.Select(r => (JsonNode)new JsonObject { ["option"] = r.Option, ["score"] = r.Score, ["rank"] = r.Rank })]),
            ["weights"] = new JsonObject(input.Criteria.Zip(weights).Select(x => KeyValuePair.Create(x.First.Name, (JsonNode?)x.Second))),
            ["risks"] = new JsonArray([.. risks.Select(r => (JsonNode)new JsonObject { ["risk"] = r.Description, ["mitigation"] = r.Mitigation, ["source"] = r.Source })]),
            ["adrPath"] = pullRequest is null ? null : ArchitectEffects.PathFor(context.Issue.Number, input.Decision),
        };
        var classification = new Classification(Impact.Medium, Complexity.Complex, Reversibility.DifficultToReverse, Stakeholders.Internal, 0m);

        // A clear margin makes the recommendation robust to small scoring errors; 0.5+ points is a decisive lead.
        var confidence = 0.55 + Math.Min(0.4, margin * 0.8);
        var actions = new List<string> { "Review the ADR draft and the scores with the team.", close ? "Decide between the top two options." : $"Adopt {ranking[0].Option} and record the ADR." };
        if (!close && pullRequest is null)
        {
            actions.Add($"Commit the ADR by hand: at over {ArchitectEffects.MaxContent:N0} characters it is too large for a pull-request effect.");
        }

        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var result = ResultFactory.Create(context, close ? AgentOutcome.NeedsDecision : AgentOutcome.Completed, summary, adr, actions, outputs, classification, confidence);
        return Task.FromResult(pullRequest is null ? result : result with { Effects = [pullRequest] });
    }

    internal static DecisionInput Read(IssueForm form)
    {
        var decision = form.Required("Decision", "what is being decided, in a sentence");
        var options = FormValues.Lines(form.Required("Options", "at least two options, one per line")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (options.Count is < 2 or > 20)
        {
            throw IssueForm.Invalid("Options", "2 to 20 distinct options, one per line", string.Join(", ", options));
        }

        const string criteriaExpectation = "lines `name: weight` with positive weights, e.g. `cost: 3`";
        var criteria = new List<(string, double)>();
        foreach (var line in FormValues.Lines(form.Required("Criteria", criteriaExpectation)))
        {
            var colon = line.LastIndexOf(':');
            if (colon <= 0 || !double.TryParse(line[(colon + 1)..].Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w <= 0)
            {
                throw IssueForm.Invalid("Criteria", criteriaExpectation, line);
            }

            criteria.Add((line[..colon].Trim(), w));
        }

        if (criteria.Count is 0 or > 20)
        {
            throw IssueForm.Invalid("Criteria", "1 to 20 criteria", criteria.Count.ToString(CultureInfo.InvariantCulture));
        }

        var scoresExpectation = $"one line per option `option: s1, s2, …` with {criteria.Count} score(s) from 1 to 5 in criteria order";
        var scores = new Dictionary<string, IReadOnlyList<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in FormValues.Lines(form.Required("Scores", scoresExpectation)))
        {
            var colon = line.LastIndexOf(':');
            var option = colon > 0 ? options.FirstOrDefault(o => string.Equals(o, line[..colon].Trim(), StringComparison.OrdinalIgnoreCase)) : null;
            var values = colon > 0 ? line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            var parsed = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5 ? n : 0).ToList();
            if (option is null || parsed.Count != criteria.Count || parsed.Contains(0))
            {
                throw IssueForm.Invalid("Scores", scoresExpectation, line);
            }

            scores[option] = parsed;
        }

        var missing = options.FirstOrDefault(o => !scores.ContainsKey(o));
        if (missing is not null)
        {
            throw IssueForm.Invalid("Scores", scoresExpectation + "; every option needs a line", "no line for " + missing);
        }

        return new DecisionInput(decision, options, criteria, scores.ToDictionary(k => options.First(o => string.Equals(o, k.Key, StringComparison.OrdinalIgnoreCase)), v => v.Value, StringComparer.OrdinalIgnoreCase));
    }
}
