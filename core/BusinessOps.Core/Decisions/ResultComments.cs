using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The frame of the result comment around an agent's report (headings, outputs table, confidence, cost and key), the
/// comment for a run without a result, and the note on a report cut to fit. The agent's own prose is the agent's
/// template; the hidden result marker is appended by <see cref="ResultComment"/>.
/// </summary>
internal static class ResultComments
{
    private const int MaxTableRows = 20;

    private static readonly JsonSerializerOptions ScalarJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>result</c>: agent; outcome (<c>completed</c>, <c>needs approval</c>, <c>needs decision</c>, <c>failed</c>, <c>failed
    /// (bad input)</c>); summary; rows[] {name, value}; plan, effects, failure_effects (Markdown, or null); actions[];
    /// confidence; cost (dollars); key; classification {impact, complexity, reversibility, stakeholders, financial_impact} or null.
    /// The built-in text is neutralized as a whole (everything in it may quote issue text); a template gets each value neutralized.
    /// </summary>
    public static CommentText Report(AgentResult result)
    {
        var rows = Rows(result.Outputs).Take(MaxTableRows).Select(r => (Name: MarkdownSafe.Cell(r.Name, 60), Value: MarkdownSafe.Cell(r.Value))).ToList();
        var plan = string.IsNullOrWhiteSpace(result.Plan) ? null : result.Plan.Trim();
        var effects = result.Effects.Count > 0 && result.Outcome != AgentOutcome.Failed ? EffectDescriber.List(result.Effects) : null;
        var failureEffects = effects is null && result.Outcome == AgentOutcome.Failed && result.Effects.Where(e => e.OnFailure).ToList() is { Count: > 0 } reports
            ? EffectDescriber.List(reports)
            : null;
        var actions = result.Actions.Select(a => a.Replace('\n', ' ')).ToList();
        var (confidence, cost) = (result.Confidence.ToString("0.00", CultureInfo.InvariantCulture), result.CostUsd.ToString("0.######", CultureInfo.InvariantCulture));
        var c = result.Classification;
        var classification = c is null ? null : new Dictionary<string, object?>
        {
            ["impact"] = Snake(c.Impact),
            ["complexity"] = Snake(c.Complexity),
            ["reversibility"] = Snake(c.Reversibility),
            ["stakeholders"] = Snake(c.Stakeholders),
            ["financial_impact"] = c.FinancialImpactUsd.ToString("N2", CultureInfo.InvariantCulture),
        };

        var sb = new StringBuilder();
        sb.Append("### ").Append(result.Agent).Append(" · ").Append(Outcome(result)).Append("\n\n");
        sb.Append("**Summary:** ").Append(result.Summary.Trim()).Append("\n\n");
        if (rows.Count > 0)
        {
            sb.Append("| Output | Value |\n|---|---|\n");
            foreach (var (name, value) in rows)
            {
                sb.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
            }

            sb.Append('\n');
        }

        Section(sb, "Plan", plan);

        // What approval releases, in plain words (what, to whom, how much); the plan hash covers exactly these.
        Section(sb, "Effects once approved", effects);

        // A failed result acts only to make its failure visible (FailureReportStep decides whether these may run).
        Section(sb, "Effects reporting the failure", failureEffects);
        if (actions.Count > 0)
        {
            sb.Append("#### Actions\n\n");
            foreach (var action in actions)
            {
                sb.Append("- ").Append(action).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"Confidence {confidence} · cost ${cost} · key `{result.Key}`");
        if (classification is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · impact {classification["impact"]}, {classification["complexity"]}, {classification["reversibility"]}, {classification["stakeholders"]}, financial impact ${classification["financial_impact"]}");
        }

        var model = new Dictionary<string, object?>
        {
            ["agent"] = result.Agent,
            ["outcome"] = Outcome(result),
            ["summary"] = result.Summary.Trim(),
            ["rows"] = rows.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["value"] = r.Value }).ToList(),
            ["plan"] = plan,
            ["effects"] = effects,
            ["failure_effects"] = failureEffects,
            ["actions"] = actions,
            ["confidence"] = confidence,
            ["cost"] = cost,
            ["key"] = result.Key,
            ["classification"] = classification,
        };
        return new(CommentNames.Result, model, MarkdownSafe.Block(sb.ToString()));
    }

    /// <summary><c>result-failed</c>: agent and error (escaped); attempt; retry (true: retried with backoff); bad_input (true: the filer can fix it).</summary>
    public static CommentText Failed(string agent, int attempt, string error, bool permanent, bool infrastructure)
    {
        var (who, why) = (Text.Inline(agent), Text.Inline(error));
        var (retry, badInput) = (!permanent, permanent && !infrastructure);
        var next = retry ? "\n\nI will retry with backoff."
            : badInput ? "\n\nThis looks like bad input; edit the issue to fix it and I will try again."
            : string.Empty;
        return new(
            CommentNames.ResultFailed,
            new Dictionary<string, object?> { ["agent"] = who, ["attempt"] = attempt, ["error"] = why, ["retry"] = retry, ["bad_input"] = badInput },
            $"**{who}** failed on attempt {attempt}: {why}{next}");
    }

    /// <summary><c>result-truncated</c>: omitted (characters cut); limit (characters of a comment).</summary>
    public static CommentText Truncated(int omitted, int limit)
    {
        var (o, l) = (omitted.ToString("N0", CultureInfo.InvariantCulture), limit.ToString("N0", CultureInfo.InvariantCulture));
        return new(
            CommentNames.ResultTruncated,
            new Dictionary<string, object?> { ["omitted"] = o, ["limit"] = l },
            $"> **Truncated:** {o} characters of this report were omitted (limit {l}). The full result is in the agent's stdout JSON.");
    }

    private static void Section(StringBuilder sb, string heading, string? text)
    {
        if (text is not null)
        {
            sb.Append("#### ").Append(heading).Append("\n\n").Append(text).Append("\n\n");
        }
    }

    private static string Outcome(AgentResult r) => r.Outcome switch
    {
        AgentOutcome.Completed => "completed",
        AgentOutcome.NeedsApproval => "needs approval",
        AgentOutcome.NeedsDecision => "needs decision",
        _ => r.Permanent ? "failed (bad input)" : "failed",
    };

    /// <summary>Scalar outputs first (name → value); arrays and objects are summarized by size.</summary>
    private static IEnumerable<(string Name, string Value)> Rows(JsonObject outputs)
    {
        foreach (var (name, node) in outputs)
        {
            switch (node)
            {
                case JsonValue v:
                    yield return (name, Scalar(v));
                    break;
                case JsonArray a:
                    yield return (name, a.Count.ToString(CultureInfo.InvariantCulture) + " item(s)");
                    break;
                case JsonObject o:
                    yield return (name, string.Join(", ", o.Take(6).Select(p => p.Key + "=" + (p.Value is JsonValue pv ? Scalar(pv) : "…"))));
                    break;
                default:
                    break;
            }
        }
    }

    private static string Scalar(JsonValue value) =>
        value.TryGetValue<string>(out var s) ? s : value.ToJsonString(ScalarJson);

    /// <summary>The contract's spelling (<c>easily_reversible</c>), so the comment reads like the JSON.</summary>
    private static string Snake<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
