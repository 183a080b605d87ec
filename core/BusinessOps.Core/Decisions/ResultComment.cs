using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The one result comment per dispatch key, written by the coordinator (the only writer) or by a standalone agent's
/// <c>--write-back</c> through the same function: a readable report of the agent's result, neutralized, ending with the
/// hidden result marker that is trusted only from the store identity. Pure.
/// </summary>
public static class ResultComment
{
    /// <summary>GitHub refuses comments over 65,536 characters; the report stays well below.</summary>
    public const int MaxChars = 60_000;

    private const int MaxTableRows = 20;

    private static readonly JsonSerializerOptions ScalarJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The comment to post for <paramref name="result"/>, or null when <paramref name="current"/> already records its key.</summary>
    public static string? ToWrite(IssueSnapshot current, string identity, AgentResult result) =>
        IssueStateReader.HasResult(current, identity, result.Key) ? null : Render(result);

    /// <summary>
    /// The comment for a finished dispatch, or null when <paramref name="current"/> already records its key: the agent's
    /// full report when it returned a result (under the dispatch's own key and agent, whatever it printed), else the failure.
    /// </summary>
    public static string? ToWrite(IssueSnapshot current, string identity, DispatchAgent dispatch, DispatchOutcome outcome)
    {
        if (IssueStateReader.HasResult(current, identity, dispatch.Key))
        {
            return null;
        }

        if (outcome.Result is { } result)
        {
            // The exit code decides failure and permanence (the contract), whatever the document claims.
            var settled = outcome.Status == DispatchStatus.Failed ? result with { Outcome = AgentOutcome.Failed, Permanent = outcome.Permanent } : result;
            return Render(settled with { Key = dispatch.Key, Agent = dispatch.Agent, Issue = current.Number });
        }

        // No result document: the run never happened or ended without one (crash, hang, garbage) — not the filer's doing.
        var error = outcome.Error ?? "unknown error";
        var record = new ResultRecord(dispatch.Key, dispatch.Agent, AgentOutcome.Failed, 0, 0, Permanent: outcome.Permanent, Error: error, Summary: error, Infrastructure: true);
        return RenderFailure(dispatch.Agent, dispatch.Attempt, error, record);
    }

    /// <summary>The full report of <paramref name="result"/> with its marker.</summary>
    public static string Render(AgentResult result)
    {
        var marker = Markers.Format(ResultRecord.From(result));
        var sb = new StringBuilder();
        sb.Append("### ").Append(result.Agent).Append(" · ").Append(Outcome(result)).Append("\n\n");
        sb.Append("**Summary:** ").Append(result.Summary.Trim()).Append("\n\n");

        var rows = Rows(result.Outputs).Take(MaxTableRows).ToList();
        if (rows.Count > 0)
        {
            sb.Append("| Output | Value |\n|---|---|\n");
            foreach (var (name, value) in rows)
            {
                sb.Append("| ").Append(MarkdownSafe.Cell(name, 60)).Append(" | ").Append(MarkdownSafe.Cell(value)).Append(" |\n");
            }

            sb.Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(result.Plan))
        {
            sb.Append("#### Plan\n\n").Append(result.Plan.Trim()).Append("\n\n");
        }

        if (result.Effects.Count > 0 && result.Outcome != AgentOutcome.Failed)
        {
            // What approval releases, in plain words (what, to whom, how much); the plan hash covers exactly these.
            sb.Append("#### Effects once approved\n\n").Append(EffectDescriber.List(result.Effects)).Append("\n\n");
        }
        else if (result.Outcome == AgentOutcome.Failed && result.Effects.Where(e => e.OnFailure).ToList() is { Count: > 0 } reports)
        {
            // A failed result acts only to make its failure visible (FailureReportStep decides whether these may run).
            sb.Append("#### Effects reporting the failure\n\n").Append(EffectDescriber.List(reports)).Append("\n\n");
        }

        if (result.Actions.Count > 0)
        {
            sb.Append("#### Actions\n\n");
            foreach (var action in result.Actions)
            {
                sb.Append("- ").Append(action.Replace('\n', ' ')).Append('\n');
            }

            sb.Append('\n');
        }

        var c = result.Classification;
        sb.Append(CultureInfo.InvariantCulture, $"Confidence {result.Confidence:0.00} · cost ${result.CostUsd:0.######} · key `{result.Key}`");
        if (c is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · impact {Snake(c.Impact)}, {Snake(c.Complexity)}, {Snake(c.Reversibility)}, {Snake(c.Stakeholders)}, financial impact ${c.FinancialImpactUsd:N2}");
        }

        // Everything above may quote issue text, so the whole report is neutralized; only the marker is ours.
        var text = MarkdownSafe.Block(sb.ToString());
        var budget = MaxChars - marker.Length - 200;
        if (text.Length > budget)
        {
            var omitted = text.Length - budget;
            var cut = char.IsHighSurrogate(text[budget - 1]) ? budget - 1 : budget;
            text = text[..cut] + string.Create(CultureInfo.InvariantCulture, $"\n\n> **Truncated:** {omitted:N0} characters of this report were omitted (limit {MaxChars:N0}). The full result is in the agent's stdout JSON.");
        }

        return text + "\n\n" + marker;
    }

    /// <summary>
    /// The comment for a run that produced no result document (it could not start, crashed, hung or printed garbage).
    /// <paramref name="record"/> carries the failure for <c>Decide</c>.
    /// </summary>
    public static string RenderFailure(string agent, int attempt, string error, ResultRecord record)
    {
        var next = !record.Permanent ? "\n\nI will retry with backoff."
            : record.Infrastructure ? string.Empty
            : "\n\nThis looks like bad input; edit the issue to fix it and I will try again.";
        return $"**{Text.Inline(agent)}** failed on attempt {attempt}: {Text.Inline(error)}{next}\n\n{Markers.Format(record)}";
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
