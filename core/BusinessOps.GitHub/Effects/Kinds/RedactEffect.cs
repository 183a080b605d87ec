using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Api;
using BusinessOps.GitHub.Effects.Parameters;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.redact</c>: edits the target's description, or one of its comments, replacing exactly the spans whose
/// SHA-256 and length match the plan's fingerprints (<see cref="SecretFingerprint"/>) and nothing else. Redacting
/// converges: the check is "does any of the secrets still occur?". GitHub keeps earlier revisions of an edited text in
/// its edit history (visible to readers of the repository until someone deletes that revision), so a redaction hides a
/// secret; it does not revoke it — rotate it too.
/// </summary>
internal sealed class RedactEffect(GitHubEffectContext context) : IGitHubEffect
{
    /// <summary>What a secret becomes when the plan names no replacement.</summary>
    public const string DefaultReplacement = "[redacted]";

    public bool Repeatable => true;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (number, parameters, secrets) = Read(request);
        var text = await TextAsync(request, number, parameters, cancellationToken);
        if (text.Failure is { } failure)
        {
            return failure;
        }

        var spans = SecretFingerprint.FindSpans(text.Body, secrets);
        if (spans.Count == 0)
        {
            // None of the secrets occurs (any more): the goal holds, nothing to edit.
            return EffectOutcome.Done(text.Url);
        }

        var redacted = SecretFingerprint.Replace(text.Body, spans, parameters.Replacement ?? DefaultReplacement);
        if (redacted.Length > CommentBodies.MaxLength)
        {
            return EffectOutcome.Failed($"the redacted text would have {redacted.Length:N0} characters, more than GitHub's {CommentBodies.MaxLength:N0}; use a shorter replacement; nothing was changed", permanent: true);
        }

        var what = parameters.Comment is { } id ? $"comment {id}" : $"the description of #{number}";
        await steps.WriteAsync(
            $"edit {what}",
            () => parameters.Comment is { } comment ? context.Api.UpdateCommentAsync(comment, redacted, cancellationToken) : context.Api.UpdateIssueBodyAsync(number, redacted, cancellationToken),
            $"redacted {spans.Count} span(s) in {what}");
        return EffectOutcome.Done(text.Url);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (number, parameters, secrets) = Read(request);
        var text = await TextAsync(request, number, parameters, cancellationToken);
        return text.Failure is null && SecretFingerprint.FindSpans(text.Body, secrets).Count == 0 ? EffectCheck.Performed(text.Url) : EffectCheck.NotPerformed;
    }

    private async Task<(string Body, string Url, EffectOutcome? Failure)> TextAsync(EffectRequest request, int number, RedactParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Comment is not { } id)
        {
            var issue = await context.Api.GetIssueAsync(number, cancellationToken);
            return (issue.Body ?? string.Empty, issue.HtmlUrl, null);
        }

        var comment = await context.Api.GetCommentAsync(id, cancellationToken);
        return GitHubIssueStore.IssueNumberOf(comment) == number
            ? (comment.Body ?? string.Empty, comment.HtmlUrl, null)
            : (string.Empty, comment.HtmlUrl, EffectOutcome.Failed($"comment {id} is not on #{number}, the effect's target; nothing was changed", permanent: true));
    }

    private static (int Number, RedactParameters Parameters, IReadOnlyList<SecretFingerprint> Secrets) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.RedactParameters);
        var secrets = parameters.Secrets ?? [];
        if (secrets.Count == 0 || secrets.Any(s => s.Length < 1 || s.Sha256 is not { Length: 64 }))
        {
            throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.secrets' must list secrets by sha256 (64 hex digits) and length");
        }

        return (EffectArguments.Issue(request), parameters, secrets);
    }
}
