using System.Collections.Concurrent;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Effects.Parameters;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.close</c>: an optional closing comment (with the effect's marker), then the issue closed with GitHub's
/// reason (<c>completed</c> or <c>not_planned</c>). The check reads the issue's state and reason and looks for the comment;
/// a comment found on an issue still open is not posted again by the perform that follows.
/// </summary>
internal sealed class CloseEffect(GitHubEffectContext context) : IGitHubEffect
{
    private readonly ConcurrentDictionary<string, byte> _commented = new(StringComparer.Ordinal);

    public bool Repeatable => false;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (number, parameters, reason) = Read(request);
        if (parameters.Comment is { } comment && !_commented.TryRemove(request.KeyText, out _))
        {
            await steps.WriteAsync($"comment on #{number}", () => context.Api.CreateCommentAsync(number, EffectMarker.Append(comment, request.KeyText), cancellationToken), c => "commented " + c.HtmlUrl);
        }

        var closed = await steps.WriteAsync($"close #{number} as {reason}", () => context.Api.CloseIssueAsync(number, reason, cancellationToken), _ => $"closed #{number}");
        return EffectOutcome.Done(closed.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (number, parameters, reason) = Read(request);
        var issue = await context.Api.GetIssueAsync(number, cancellationToken);
        var closed = issue.State.Value == ItemState.Closed && issue.StateReason == (reason == "not_planned" ? ItemStateReason.NotPlanned : ItemStateReason.Completed);
        var commented = parameters.Comment is null || await context.FindCommentAsync(number, request.KeyText, cancellationToken) is not null;
        if (closed && commented)
        {
            return EffectCheck.Performed(issue.HtmlUrl);
        }

        if (commented && parameters.Comment is not null)
        {
            _commented[request.KeyText] = 0;
        }

        return EffectCheck.NotPerformed;
    }

    private static (int Number, CloseParameters Parameters, string Reason) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.CloseParameters);
        var reason = EffectArguments.Required(request, parameters.Reason, "reason");
        return reason is "completed" or "not_planned"
            ? (EffectArguments.Issue(request), parameters, reason)
            : throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.reason' must be completed or not_planned");
    }
}
