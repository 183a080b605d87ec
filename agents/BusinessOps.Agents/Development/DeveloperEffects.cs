using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Development;

/// <summary>
/// What approval releases for an implementation plan: one sub-issue per task with its estimate (its dependencies named
/// in its body), and — when the form asks for one — the scaffold as files in a new branch with a draft pull request.
/// </summary>
internal static class DeveloperEffects
{
    /// <summary>Sub-issues one plan opens; more tasks stay in the plan's table (the plan's effect count is bounded too).</summary>
    public const int MaxSubIssues = 30;

    public static IReadOnlyList<Effect> For(int issue, string feature, IReadOnlyList<DevTask> tasks, string? scaffoldKind, string scaffoldName, IReadOnlyList<ScaffoldFile> files)
    {
        var target = "#" + issue.ToString(CultureInfo.InvariantCulture);

        // Issue text lands in new issues and a pull request: no mentions, no markup, one line.
        feature = MarkdownSafe.Inline(feature, 200);
        var effects = new List<Effect>();
        foreach (var (t, i) in tasks.Select((t, i) => (t, i + 1)).Take(MaxSubIssues))
        {
            var body = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Task {i} of {tasks.Count} for #{issue} ({feature}).\n\n")
                .Append(CultureInfo.InvariantCulture, $"- Estimate: **{t.Points} point(s)**, ~{t.Hours} h\n")
                .Append("- Drivers: ").Append(t.Drivers.Count > 0 ? string.Join(", ", t.Drivers) : "none").Append('\n')
                .Append("- After: ").Append(t.DependsOn.Count > 0 ? string.Join(", ", t.DependsOn.Select(d => "task " + d.ToString(CultureInfo.InvariantCulture))) : "nothing (can start now)").Append('\n');
            effects.Add(Effect.Create(EffectKinds.GitHubIssue, target, new JsonObject
            {
                ["title"] = Bound(string.Create(CultureInfo.InvariantCulture, $"[{i}/{tasks.Count}] {MarkdownSafe.Inline(t.Title, 240)}"), 256),
                ["body"] = Bound(body.ToString(), 30_000),
                ["estimate"] = string.Create(CultureInfo.InvariantCulture, $"{t.Points} pt"),
                ["subIssue"] = true,
            }));
        }

        if (scaffoldKind is not null && files.Count > 0)
        {
            effects.Add(Effect.Create(EffectKinds.GitHubPullRequest, target, new JsonObject
            {
                ["title"] = Bound($"Scaffold {scaffoldKind} {scaffoldName} for #{issue}", 256),
                ["body"] = Bound($"Generated from the built-in {scaffoldKind} template for #{issue} ({feature}). A starting point: fill in the logic and tests, then mark ready for review.", 30_000),
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["content"] = f.Content })]),
            }));
        }

        return effects;
    }

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
