using System.Text.Json.Nodes;
using BusinessOps.Core;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sdk;

/// <summary>
/// Builds results with the fields every agent fills the same way (key, cost). The summary is the agent's own in every
/// phase: approved plans are carried out by the coordinator's effect runner, not by the agent re-running its analysis.
/// </summary>
public static class ResultFactory
{
    public static AgentResult Create(
        AgentContext context,
        AgentOutcome outcome,
        string summary,
        string? plan,
        IReadOnlyList<string> actions,
        JsonObject outputs,
        Classification classification,
        double confidence,
        decimal extraCostUsd = 0m)
    {
        return new AgentResult
        {
            Agent = context.Agent,
            Issue = context.Issue.Number,
            Key = context.Key,
            Outcome = outcome,
            Summary = summary,
            Plan = plan,
            Actions = actions,
            Outputs = outputs,
            Classification = classification,
            Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 2),
            CostUsd = CostModel.Estimate(context.Issue.Body, extraCostUsd),
        };
    }

    /// <summary>A failed result; <paramref name="permanent"/> for bad input (exit 2), else transient (exit 1).</summary>
    public static AgentResult Failed(string agent, int issue, string key, string summary, bool permanent, string body = "") => new()
    {
        Agent = agent,
        Issue = issue,
        Key = key,
        Outcome = AgentOutcome.Failed,
        Summary = summary,
        Actions = permanent ? ["Fix the issue as described and re-file or edit it; then comment /retry."] : ["The coordinator retries with backoff."],
        Classification = Classification.Routine,
        Confidence = 1,
        CostUsd = CostModel.Estimate(body),
        Permanent = permanent,
    };

    /// <summary>The exit code of the agent contract for a result.</summary>
    public static int ExitCodeFor(AgentResult result) => result.Outcome switch
    {
        AgentOutcome.Failed when result.Permanent => ExitCodes.BadInput,
        AgentOutcome.Failed => ExitCodes.Failure,
        _ => ExitCodes.Ok,
    };
}
