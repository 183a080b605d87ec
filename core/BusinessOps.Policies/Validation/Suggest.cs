namespace BusinessOps.Policies.Validation;

/// <summary>"Did you mean" for misspelt keys, agents and names: the closest candidate by edit distance.</summary>
public static class Suggest
{
    /// <summary>The closest candidate within a small edit distance (case-insensitive), or null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        // Short inputs (P5, L4) are near everything; a guess there is noise, not help.
        if (input.Length is < 3 or > 100)
        {
            return null;
        }

        var lower = input.ToLowerInvariant();
        var limit = Math.Max(1, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        string? contained = null;
        foreach (var candidate in candidates)
        {
            var other = candidate.ToLowerInvariant();
            var d = Distance(lower, other);
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }

            // 'minCoverage' for 'minLineCoverage': a word left out is a common slip edit distance misses.
            if (contained is null && input.Length >= 4 && (IsSubsequence(lower, other) || IsSubsequence(other, lower)))
            {
                contained = candidate;
            }
        }

        return best ?? contained;
    }

    /// <summary>" (did you mean 'x'?)" or empty, ready to splice into a message.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $" (did you mean '{c}'?)" : string.Empty;

    private static bool IsSubsequence(string shorter, string longer)
    {
        var i = 0;
        foreach (var ch in longer)
        {
            if (i < shorter.Length && shorter[i] == ch)
            {
                i++;
            }
        }

        return i == shorter.Length;
    }

    // Optimal string alignment distance: Levenshtein plus adjacent transpositions ('agnet' → 'agent' is 1).
    // Inputs are short keys and names, so the full matrix costs nothing.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
