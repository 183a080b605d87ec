using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Rendering;

/// <summary>
/// A briefing posted where policy says (<c>briefingTo</c> in analytics.yml, <c>oversightTo</c> in delivery.yml): nowhere
/// else when empty, a comment on a standing issue for <c>#N</c>, a chat message (<c>webhook.chat</c>) for an endpoint name.
/// Texts longer than the kind allows are cut with a pointer to the full briefing on the issue.
/// </summary>
internal static class BriefingPost
{
    private const int MaxComment = 30_000;
    private const int MaxChat = 3_000;

    /// <summary>The effect posting <paramref name="text"/> to <paramref name="to"/>, or null when policy names no destination (or an invalid one).</summary>
    public static Effect? For(string? to, string text, int issue)
    {
        var target = to?.Trim() ?? string.Empty;
        var more = "\n\n… (the full briefing is on #" + issue.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        if (EffectShape.TryIssueNumber(target, out _))
        {
            return Effect.Create(EffectKinds.GitHubComment, target, new JsonObject { ["body"] = Cut(text, MaxComment, more) });
        }

        return EffectShape.IsName(target) ? Effect.Create(EffectKinds.WebhookChat, target, new JsonObject { ["text"] = Cut(text, MaxChat, more) }) : null;
    }

    private static string Cut(string text, int max, string more) => text.Length <= max ? text : text[..(max - more.Length)] + more;
}
