using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Effects;

/// <summary>One kind of GitHub effect: how it is performed and how GitHub is asked, by the effect's key, whether it was.</summary>
internal interface IGitHubEffect
{
    /// <summary>
    /// True when performing the effect again after a failure midway is safe: it converges (labels, statuses, a redaction)
    /// or its perform looks for what an earlier try left before writing (a pull request's branch). False for effects that
    /// create something new each time (a comment, an issue, a deployment): a failure after their first write is reported
    /// as unknown, so the runner asks <see cref="CheckAsync"/> before anything is done again.
    /// </summary>
    bool Repeatable { get; }

    /// <summary>Performs the effect, naming each write on <paramref name="steps"/> before sending it.</summary>
    Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken);

    /// <summary>
    /// Asks GitHub whether the effect with this key happened. A partial effect (its issue opened but not linked) is
    /// <see cref="EffectPresence.NotPerformed"/>: the <see cref="PerformAsync"/> that follows finishes it without
    /// repeating what exists.
    /// </summary>
    Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken);
}
