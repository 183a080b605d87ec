using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Effects.Parameters;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.comment</c>: one comment carrying the effect's marker; the check looks for our comment with that marker.
/// (The store's comment POST already looks for the comment before posting again when an answer is lost.)
/// </summary>
internal sealed class CommentEffect(GitHubEffectContext context) : IGitHubEffect
{
    public bool Repeatable => false;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.CommentParameters);
        var body = EffectArguments.Required(request, parameters.Body, "body");
        var number = EffectArguments.Issue(request);
        var comment = await steps.WriteAsync($"comment on #{number}", () => context.Api.CreateCommentAsync(number, EffectMarker.Append(body, request.KeyText), cancellationToken), c => "commented " + c.HtmlUrl);
        return EffectOutcome.Done(comment.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var comment = await context.FindCommentAsync(EffectArguments.Issue(request), request.KeyText, cancellationToken);
        return comment is null ? EffectCheck.NotPerformed : EffectCheck.Performed(comment.HtmlUrl);
    }
}
