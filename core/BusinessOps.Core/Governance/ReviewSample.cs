namespace BusinessOps.Core.Governance;

/// <summary>
/// The random review sample of the risk controls, made deterministic: a key is selected when its
/// <see cref="StableHash.Unit"/> is below the rate, so every re-run (and every machine) agrees.
/// </summary>
public static class ReviewSample
{
    /// <summary>True when <paramref name="key"/> (e.g. the idempotency key or <c>owner/repo#n</c>) is in the sample. Rate ≤ 0 or NaN → never; ≥ 1 → always.</summary>
    public static bool IsSelected(string key, double rate)
    {
        if (double.IsNaN(rate) || rate <= 0)
        {
            return false;
        }

        if (rate >= 1)
        {
            return true;
        }

        return StableHash.Unit(key) < rate;
    }
}
