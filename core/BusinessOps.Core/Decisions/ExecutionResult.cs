using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The execute phase's result, written by the coordinator as the one result comment of the execute key: which of the
/// approved effects are done (with their references), where the run stopped and why. <c>Decide</c> settles it
/// (<see cref="EffectsStep"/>) from the outcome and the ledger in the status comment. Pure.
/// </summary>
public static class ExecutionResult
{
    /// <summary>
    /// The result of running <paramref name="effects"/> for <paramref name="dispatch"/> as <paramref name="report"/> says
    /// (<paramref name="failureReport"/>: the effects reported a failed result, <see cref="ApprovedEffects.ReportsFailure"/>).
    /// </summary>
    public static AgentResult From(DispatchAgent dispatch, int issue, IReadOnlyList<Effect> effects, EffectRunReport report, bool failureReport = false)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(report);
        var records = report.Records.ToDictionary(r => r.Index);
        var lines = new List<string>(effects.Count);
        var rows = new JsonArray();
        for (var i = 1; i <= effects.Count; i++)
        {
            records.TryGetValue(i, out var record);
            var what = EffectDescriber.Describe(effects[i - 1]);
            var status = record?.Status switch
            {
                EffectStatus.Done => "done",
                EffectStatus.Failed => "failed",
                EffectStatus.Unknown => "outcome unknown",
                EffectStatus.Started => "started, outcome not recorded",
                _ when effects[i - 1].OnFailure && report.Status == EffectRunStatus.Completed => "not needed (nothing failed)",
                _ => "not run",
            };
            var detail = record?.Status == EffectStatus.Done ? record.Reference : record?.Error;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"e{i} {status}: {what}{(detail is null ? string.Empty : " — " + detail)}"));
            rows.Add((JsonNode)new JsonObject
            {
                ["effect"] = string.Create(CultureInfo.InvariantCulture, $"e{i}"),
                ["kind"] = effects[i - 1].Kind,
                ["status"] = status,
                ["reference"] = record?.Reference,
                ["error"] = record?.Error,
            });
        }

        var summary = report.Status switch
        {
            EffectRunStatus.Completed when failureReport => string.Create(CultureInfo.InvariantCulture, $"Reported the failure: {report.Done} of {effects.Count} effect(s) done."),
            EffectRunStatus.Completed => string.Create(CultureInfo.InvariantCulture, $"Carried out the approved plan: {report.Done} of {effects.Count} effect(s) done."),
            EffectRunStatus.Unknown => $"Stopped: {report.Reason}",
            _ => $"Stopped, {report.Done} of {effects.Count} effect(s) done: {report.Reason}",
        };
        return new AgentResult
        {
            Agent = dispatch.Agent,
            Issue = issue,
            Key = dispatch.Key,
            Outcome = report.Status == EffectRunStatus.Completed ? AgentOutcome.Completed : AgentOutcome.Failed,
            Summary = summary,
            Actions = lines,
            Outputs = new JsonObject { ["effectsDone"] = report.Done, ["effects"] = rows },
            Confidence = 1,
            CostUsd = 0m,
            Permanent = report.Status != EffectRunStatus.Completed && report.Permanent,
        };
    }
}
