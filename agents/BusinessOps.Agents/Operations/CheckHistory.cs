using System.Text.Json.Nodes;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.State;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// The endpoint checks recorded on the issue by earlier runs: the <c>checks</c> output in the result markers of this
/// agent's earlier results. Only comments by a bot account (the coordinator's identity) count, so a person cannot post
/// a marker that fakes uptime; each dispatch key counts once.
/// </summary>
internal static class CheckHistory
{
    public static IReadOnlyList<IReadOnlyList<string>> Earlier(IssueSnapshot issue, string currentKey)
    {
        var runs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var comment in issue.Comments.Where(c => c.AuthorIsBot))
        {
            if (!Markers.TryParseResult(comment.Body, out var record) || record is null || record.Agent != AgentNames.Operations
                || record.Key == currentKey || record.Outputs?["checks"] is not JsonArray checks)
            {
                continue;
            }

            var states = checks.Select(c => c is JsonObject o && o["state"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                .Where(s => s is "up" or "slow" or "down").Select(s => s!).ToList();
            if (states.Count > 0)
            {
                runs.TryAdd(record.Key, states);
            }
        }

        return [.. runs.Values];
    }

    /// <summary>The error budget over <paramref name="earlier"/> runs plus this run's <paramref name="current"/> checks.</summary>
    public static ErrorBudget Budget(IReadOnlyList<IReadOnlyList<string>> earlier, IReadOnlyList<EndpointCheck> current, double objective)
    {
        var states = earlier.SelectMany(r => r).Concat(current.Select(c => c.State)).ToList();
        var failed = states.Count(s => s == "down");
        var uptime = states.Count == 0 ? 1 : Math.Round((double)(states.Count - failed) / states.Count, 6);
        return new ErrorBudget(earlier.Count + 1, states.Count, failed, uptime, objective);
    }
}
