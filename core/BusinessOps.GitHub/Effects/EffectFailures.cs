using System.Net;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Effects;

/// <summary>
/// Turns a GitHub failure during a perform into the effect's outcome. A clear answer (4xx) to a write means that write did
/// not happen; a lost answer (5xx after the retries, a timeout) means it may have. An effect that is not
/// <see cref="IGitHubEffect.Repeatable"/> and may now be half done is <see cref="EffectStatus.Unknown"/>: the runner then
/// asks GitHub by key before doing anything again, and the check finds what exists.
/// </summary>
internal static class EffectFailures
{
    public static EffectOutcome Outcome(GitHubException failure, EffectSteps steps, bool repeatable)
    {
        var answered = failure is GitHubRateLimitDeferredException or GitHubRateLimitedException
            || failure.StatusCode is { } status && (int)status is >= 400 and < 500;
        var lostWrite = steps.Sending is not null && !answered;
        var halfDone = steps.Done.Count > 0 || lostWrite;
        var before = steps.Done.Count == 0 ? string.Empty : " (already done: " + string.Join("; ", steps.Done) + ")";
        if (repeatable || !halfDone)
        {
            var nothing = steps.Done.Count == 0 && !lostWrite ? "; nothing was changed" : string.Empty;
            return EffectOutcome.Failed(failure.Message + before + nothing, Permanent(failure));
        }

        var lost = lostWrite ? $"GitHub did not confirm the request to {steps.Sending}, so it may have happened: " : string.Empty;
        return EffectOutcome.Unknown($"{lost}{failure.Message}{before}; the next run asks GitHub by the effect's key and finishes only what is missing");
    }

    /// <summary>Trying again cannot help: the token lacks a permission, GitHub rejected the content, or the target is gone.</summary>
    private static bool Permanent(GitHubException failure) =>
        failure is GitHubUnauthorizedException or GitHubValidationException or GitHubNotFoundException
        && failure.StatusCode != HttpStatusCode.TooManyRequests;
}
