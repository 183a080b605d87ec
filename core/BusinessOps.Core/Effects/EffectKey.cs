using System.Globalization;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Effects;

/// <summary>
/// <c>{owner}/{repo}#{issue}/a{attempt}/execute/e{n}</c> — the identity of one effect: the key of the attempt that
/// first started it plus its 1-based position in the plan. A later attempt that performs the effect again keeps this
/// key, so a target that drops repeats (a webhook receiver keyed on <c>webhook-id</c>) drops it.
/// </summary>
public sealed record EffectKey(IdempotencyKey Attempt, int Index)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Attempt}/e{Index}");

    /// <summary>Parses a key written by <see cref="ToString"/>; the attempt part must be a valid <see cref="IdempotencyKey"/>.</summary>
    public static bool TryParse(string? text, out EffectKey key)
    {
        key = new EffectKey(new IdempotencyKey(string.Empty, 0, 0, string.Empty), 0);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.LastIndexOf('/');
        if (slash <= 0 || slash + 2 >= text.Length || text[slash + 1] != 'e'
            || !int.TryParse(text.AsSpan(slash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1
            || !IdempotencyKey.TryParse(text[..slash], out var attempt))
        {
            return false;
        }

        key = new EffectKey(attempt, index);
        return true;
    }
}
