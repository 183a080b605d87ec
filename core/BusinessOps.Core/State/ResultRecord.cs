using System.Text.Json.Nodes;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.State;

/// <summary>
/// The machine-readable part of an agent's result comment (<c>&lt;!-- businessops:result {json} --&gt;</c>).
/// Written by the agent host (or by the coordinator on the agent's behalf when the agent crashed);
/// trusted only when the comment's author is the store identity. <see cref="Infrastructure"/>: the run never happened
/// (missing function, queue or permission) — not the agent's doing and not the filer's.
/// </summary>
public sealed record ResultRecord(
    string Key,
    string Agent,
    AgentOutcome Outcome,
    double Confidence,
    decimal CostUsd,
    Classification? Classification = null,
    bool Permanent = false,
    string? Error = null,
    string? Summary = null,
    string? PlanHash = null,
    bool Infrastructure = false,
    IReadOnlyList<Effect>? Effects = null)
{
    /// <summary>Longest summary kept in a marker; the full text is in the comment body.</summary>
    public const int MaxSummary = 300;

    /// <summary>Largest <see cref="Outputs"/> kept in a marker (serialized); larger outputs are left out of the marker.</summary>
    public const int MaxOutputsChars = 32 * 1024;

    /// <summary>
    /// The agent's outputs, as machine-readable data for what follows from a result: a workflow's next step reads its
    /// inputs from them and threshold triggers watch them. Null when there were none or they were too large for a marker.
    /// </summary>
    public JsonObject? Outputs { get; init; }

    /// <summary>
    /// The record of <paramref name="result"/>. A failed result proposes nothing: it carries only the effects that report
    /// its failure (<see cref="Effect.OnFailure"/>), which <c>Decisions/FailureReportStep.cs</c> may perform.
    /// </summary>
    public static ResultRecord From(AgentResult result)
    {
        IReadOnlyList<Effect> effects = result.Outcome == AgentOutcome.Failed ? [.. result.Effects.Where(e => e.OnFailure)] : result.Effects;
        return new(
            result.Key,
            result.Agent,
            result.Outcome,
            result.Confidence,
            result.CostUsd,
            result.Classification,
            result.Permanent,
            result.Outcome == AgentOutcome.Failed ? Bound(result.Summary) : null,
            Bound(result.Summary),
            HashOf(result.Plan, effects),
            Effects: effects.Count > 0 ? effects : null)
        {
            Outputs = BoundOutputs(result.Outputs),
        };
    }

    /// <summary>
    /// The plan hash approvals bind to: the plan text and its effects (<see cref="EffectCanonical.ForPlanHash"/>); a plan
    /// without effects hashes as before effects existed; null when there is neither.
    /// </summary>
    public static string? HashOf(string? plan, IReadOnlyList<Effect> effects) =>
        plan is null && effects.Count == 0 ? null : Governance.PlanHash.Compute(EffectCanonical.ForPlanHash(plan ?? string.Empty, effects));

    private static JsonObject? BoundOutputs(JsonObject outputs) =>
        outputs.Count == 0 || outputs.ToJsonString().Length > MaxOutputsChars ? null : (JsonObject)outputs.DeepClone();

    private static string Bound(string text) => text.Length <= MaxSummary ? text : text[..(MaxSummary - 1)] + "…";
}
