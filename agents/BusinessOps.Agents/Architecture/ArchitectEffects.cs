using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Architecture;

/// <summary>What approval releases for a decided ADR: the ADR as <c>docs/adr/NNNN-slug.md</c> in a new branch with a draft pull request.</summary>
internal static class ArchitectEffects
{
    /// <summary>The largest file a pull-request effect carries (its schema's bound).</summary>
    public const int MaxContent = 30_000;

    /// <summary>The effect, or null when the ADR is too large to carry (the plan says so).</summary>
    public static Effect? AdrPullRequest(int issue, string decision, string adr)
    {
        if (adr.Length > MaxContent)
        {
            return null;
        }

        return Effect.Create(EffectKinds.GitHubPullRequest, "#" + issue.ToString(CultureInfo.InvariantCulture), new JsonObject
        {
            ["title"] = Bound("ADR: " + OneLine(decision), 256),
            ["body"] = $"The architecture decision record drafted on #{issue.ToString(CultureInfo.InvariantCulture)}, for review. Merge to record the decision.",
            ["files"] = new JsonArray(new JsonObject { ["path"] = PathFor(issue, decision), ["content"] = adr }),
        });
    }

    /// <summary><c>docs/adr/0012-choose-a-message-queue.md</c>: the issue number, then up to 50 characters of the decision in kebab-case.</summary>
    public static string PathFor(int issue, string decision)
    {
        var slug = new StringBuilder();
        foreach (var c in decision.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 50)
            {
                break;
            }
        }

        var name = slug.ToString().Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"docs/adr/{issue:0000}-{(name.Length > 0 ? name : "decision")}.md");
    }

    private static string OneLine(string text) => MarkdownSafe.Inline(text.Replace('\n', ' ').Trim(), 200);

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
