namespace BusinessOps.Core.Governance;

/// <summary>
/// A stable, platform-independent hash for sampling and jitter (never <c>string.GetHashCode</c>, which is
/// randomised per process): FNV-1a 64 over the key's UTF-16LE code units, then the MurmurHash3 64-bit finalizer
/// so that keys differing only in their last characters still spread over the whole range.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The 64-bit hash of <paramref name="key"/>.</summary>
    public static ulong Hash64(ReadOnlySpan<char> key)
    {
        unchecked
        {
            var h = FnvOffset;
            foreach (var ch in key)
            {
                h ^= (byte)ch;
                h *= FnvPrime;
                h ^= (byte)(ch >> 8);
                h *= FnvPrime;
            }

            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53UL;
            h ^= h >> 33;
            return h;
        }
    }

    /// <summary>The key mapped uniformly onto [0, 1) (top 53 bits of <see cref="Hash64"/>).</summary>
    public static double Unit(ReadOnlySpan<char> key) => (Hash64(key) >> 11) * (1.0 / (1UL << 53));
}
