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
    bool Infrastructure = false)
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

    public static ResultRecord From(AgentResult result) =>
        new(
            result.Key,
            result.Agent,
            result.Outcome,
            result.Confidence,
            result.CostUsd,
            result.Classification,
            result.Permanent,
            result.Outcome == AgentOutcome.Failed ? Bound(result.Summary) : null,
            Bound(result.Summary),
            result.Plan is null ? null : Governance.PlanHash.Compute(result.Plan))
        {
            Outputs = BoundOutputs(result.Outputs),
        };

    private static JsonObject? BoundOutputs(JsonObject outputs) =>
        outputs.Count == 0 || outputs.ToJsonString().Length > MaxOutputsChars ? null : (JsonObject)outputs.DeepClone();

    private static string Bound(string text) => text.Length <= MaxSummary ? text : text[..(MaxSummary - 1)] + "…";
}
